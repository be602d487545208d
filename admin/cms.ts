/**
 * The CMS at /admin/: Decap CMS configured by admin/config.yml, with the site's customisations
 * registered here, one module each. Bundled apart from the site's pages (src/integrations/cms-bundle.ts),
 * it loads only on the CMS's page (src/pages/admin/index.astro) and needs no CDN.
 */
import CMS from 'decap-cms-app';
import type { CmsConfig } from 'decap-cms-core';
import { load } from 'js-yaml';
import configText from './config.yml?raw';
import { editorComponents } from './components';
import { addEntryPath } from './entry-path';
import { siteFrontmatter, siteYaml } from './format';
import { viPhrases } from './locale-vi';
import { remarkMdxSafe } from './mdx-safe';
import { ArticlePreview } from './previews/article';
import { NoticePreview } from './previews/notice';
import { previewCss } from './previews/styles';
import { optionalObjectControl } from './widgets/optional-object';
import { vietnamDateTimeControl } from './widgets/vietnam-datetime';

interface RegisteredWidget {
  control: never;
  preview: never;
}
const widget = (name: string) => CMS.getWidget(name) as unknown as RegisteredWidget;

CMS.registerLocale('vi', viPhrases(CMS.getLocale('vi') as never));

CMS.registerWidget('vietnam-datetime', vietnamDateTimeControl(widget('datetime').control), widget('datetime').preview);
CMS.registerWidget('optional-object', optionalObjectControl(widget('object').control), widget('object').preview);

CMS.registerCustomFormat('site-frontmatter', 'mdx', siteFrontmatter);
CMS.registerCustomFormat('site-yaml', 'yaml', siteYaml);
CMS.registerEventListener({ name: 'preSave', handler: addEntryPath as never });

for (const component of editorComponents) CMS.registerEditorComponent(component as never);
CMS.registerRemarkPlugin(remarkMdxSafe);

CMS.registerPreviewStyle(previewCss, { raw: true });
CMS.registerPreviewTemplate('articles', ArticlePreview as never);
CMS.registerPreviewTemplate('notices', NoticePreview as never);

// The configuration is bundled rather than fetched: one file to deploy, and it cannot drift from the code.
CMS.init({ config: { ...(load(configText) as CmsConfig), load_config_file: false } });
