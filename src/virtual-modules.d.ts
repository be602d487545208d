declare module 'virtual:cms-script' {
  /** The address of the CMS's script (src/integrations/cms-bundle.ts). */
  export const cmsScript: string;
}
