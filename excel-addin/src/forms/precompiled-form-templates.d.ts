/** Made by excel-addin/build.ts (Handlebars.precompile of the default form templates). */
declare module "virtual:precompiled-form-templates" {
  export const faculty: TemplateSpecification;
  export const chair: TemplateSpecification;
}
