import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // User text (divisions, sheet names, headers, commands) must never index a plain object:
    // "constructor" finds a function and "__proto__" the prototype. Use Map/Set, or
    // Object.create(null) with Object.hasOwn. test/lint/object-maps.test.ts keeps this honest.
    files: [
      "shared/**/*.ts",
      "hosts/**/*.ts",
      "cli/**/*.ts",
      "excel-addin/src/**/*.ts",
      "apps-script/src/**/*.ts",
    ],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "VariableDeclarator[init.type='ObjectExpression'] > Identifier.id TSTypeReference[typeName.name='Record'][typeArguments.params.0.type='TSStringKeyword']",
          message:
            "An object keyed by any string is a lookup waiting for a key called 'constructor' or '__proto__': use a (Readonly)Map, or build it with Object.fromEntries and read it with Object.hasOwn.",
        },
        {
          selector:
            "VariableDeclarator[init.type='ObjectExpression'] > Identifier.id TSIndexSignature",
          message:
            "An object with a string index signature is a map by another name: use a (Readonly)Map.",
        },
        {
          selector: "AssignmentExpression[operator=/^(\\?\\?|\\|\\|)=$/][left.computed=true]",
          message:
            "obj[key] ??= … with a computed key reads inherited members ('__proto__', 'constructor'): use a Map.",
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
