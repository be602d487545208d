/**
 * `vietnam-datetime`: Decap's date-time widget, showing and storing Viet Nam time.
 *
 * Decap's widget writes the offset of the editor's computer (`format: …Z`), or UTC (`picker_utc`),
 * so a computer set to another zone would publish at the wrong hour. This one keeps the same input
 * and buttons and converts through the site's own date functions: ISO 8601 with +07:00 always.
 */
import type { CmsWidgetControlProps } from 'decap-cms-core';
import type { ComponentType } from 'react';
import { fromDateTimeInput, toDateTimeInput } from './vietnam-time';

interface DateTimeControlBase {
  props: { onChange(value: string): void };
}
type DateTimeControlClass = new (props: object) => DateTimeControlBase;

export function vietnamDateTimeControl(DateTimeControl: DateTimeControlClass): ComponentType<CmsWidgetControlProps> {
  class VietnamDateTimeControl extends DateTimeControl {
    getFormat() {
      return { format: 'YYYY-MM-DDTHH:mm:ssZ', inputType: 'datetime-local', inputFormat: 'YYYY-MM-DDTHH:mm' };
    }

    getNow() {
      return toDateTimeInput(new Date());
    }

    formatInputValue(value: unknown) {
      return toDateTimeInput(value);
    }

    // The base class calls this for the input, "Ngay lúc này", "Xóa" and a `{{now}}` default.
    handleChange = (input: string) => {
      if (input === '') return this.props.onChange('');
      const value = fromDateTimeInput(input);
      if (value) this.props.onChange(value);
    };
  }
  return VietnamDateTimeControl as unknown as ComponentType<CmsWidgetControlProps>;
}
