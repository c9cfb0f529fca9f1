/**
 * What a command costs on the wire. Office.js sends each `context.sync()` as one RichApi
 * request: a JSON body `{"Actions":[…],"ObjectPaths":{…}}` where every command is an action
 * (`SetProperty`, `Method`, `Query`) on an object path, and every object the request uses —
 * a range from `getRangeByIndexes`, its `Format`, the `Fill` under it — is sent once as a path
 * plus an `Instantiate` action. A flat "bytes per command" guess was 25–40 % low on plan tabs
 * (mostly paths, not values), so the budget is kept in these terms instead. Ids are counted
 * at seven digits: they grow through a run, and an estimate must not fall short.
 */
const encoder = new TextEncoder();

/** The UTF-8 size of a value as JSON: what it adds to the request body. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

const id = 9_999_999;
/** Path and action kinds, as OfficeExtension numbers them. */
const pathKind = { method: 3, property: 4, indexer: 5 } as const;
const actionKind = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;

/** An entry of the ObjectPaths map: `"id":{…},`. */
function pathBytes(kind: number, name: string, args?: readonly unknown[]): number {
  const info =
    args === undefined
      ? { Id: id, ObjectPathType: kind, Name: name, ParentObjectPathId: id }
      : {
          Id: id,
          ObjectPathType: kind,
          Name: name,
          ParentObjectPathId: id,
          ArgumentInfo: { Arguments: args },
        };
  const instantiate = { Id: id, ActionType: actionKind.instantiate, Name: "", ObjectPathId: id };
  return jsonBytes(String(id)) + 1 + jsonBytes(info) + 1 + jsonBytes(instantiate) + 1;
}

const setOverhead =
  jsonBytes({
    Id: id,
    ActionType: actionKind.setProperty,
    Name: "",
    ObjectPathId: id,
    ArgumentInfo: { Arguments: [0] },
  }) - 1;

/** Bytes of the request envelope and the objects every request uses (workbook, worksheets). */
export const requestOverhead =
  jsonBytes({ Actions: [], ObjectPaths: {} }) +
  jsonBytes({ [id]: { Id: id, ObjectPathType: 1, Name: "" } }) +
  pathBytes(pathKind.property, "Worksheets");

export const wire = {
  /** An object a method returns (`GetRangeByIndexes`, `Copy`, `Add`, `GetItem` of borders). */
  object: (name: string, args: readonly unknown[]): number =>
    pathBytes(pathKind.method, name, args),
  /** A property object (`Format`, `Font`, `Fill`, `Borders`, `DataValidation`, `Freeze`). */
  property: (name: string): number => pathBytes(pathKind.property, name),
  /** An item by key (`worksheets.getItem(name)`). */
  item: (key: string): number => pathBytes(pathKind.indexer, "", [key]),
  /** Setting a property whose value is `valueBytes` of JSON. */
  set: (name: string, valueBytes: number): number => setOverhead + jsonBytes(name) + valueBytes + 1,
  /** Calling a method that returns nothing (`Merge`, `Clear`, `FreezeRows`, `Delete`). */
  call: (name: string, args: readonly unknown[] = []): number =>
    jsonBytes({
      Id: id,
      ActionType: actionKind.method,
      Name: name,
      ObjectPathId: id,
      ArgumentInfo: { Arguments: args },
    }) + 1,
  /** A load. */
  query: (select: readonly string[]): number =>
    jsonBytes({
      Id: id,
      ActionType: actionKind.query,
      Name: "",
      ObjectPathId: id,
      QueryInfo: { Select: select },
    }) + 1,
};
