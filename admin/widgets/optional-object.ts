/**
 * `optional-object`: Decap's object widget for a group of fields that may be left out as a whole
 * (an article's cover image, a notice's meeting).
 *
 * Decap checks the required fields of an object even when the object itself is optional and empty
 * (decaporg/decap-cms#7748), which would make every article need a cover. Here they are checked only
 * when the editor has filled in any of the group's fields, or when `required_when` says the group is
 * needed (`required_when: {field: kind, value: giay-moi}`: an invitation needs its meeting).
 */
import type { CmsWidgetControlProps } from 'decap-cms-core';
import type { ComponentType } from 'react';

interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  toJS(): unknown;
}

interface ObjectControlBase {
  props: { value?: ImmutableLike; field: ImmutableLike; getEntry?: () => ImmutableLike };
  validate: () => void;
}
type ObjectControlClass = new (props: object) => ObjectControlBase;

/** Whether a value holds anything an editor typed or chose. */
export function hasContent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasContent);
  if (value && typeof value === 'object') return Object.values(value).some(hasContent);
  return value !== undefined && value !== null && value !== false;
}

export function optionalObjectControl(ObjectControl: ObjectControlClass): ComponentType<CmsWidgetControlProps> {
  class OptionalObjectControl extends ObjectControl {
    constructor(props: object) {
      super(props);
      const validateFields = this.validate;
      this.validate = () => {
        if (this.isNeeded()) validateFields();
      };
    }

    isNeeded(): boolean {
      if (hasContent(this.props.value?.toJS())) return true;
      const when = this.props.field.get('required_when') as ImmutableLike | undefined;
      if (!when) return false;
      const actual = this.props.getEntry?.().getIn(['data', String(when.get('field'))]);
      return actual === when.get('value');
    }
  }
  return OptionalObjectControl as unknown as ComponentType<CmsWidgetControlProps>;
}
