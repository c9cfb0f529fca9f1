export * from "./settings.js";
export { presets, presetSettings } from "./presets.js";
export {
  readSettings,
  programSheetRows,
  programSheetName,
  settingRows,
  type SettingsReading,
} from "./program-sheet.js";
