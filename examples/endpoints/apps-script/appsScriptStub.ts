// SPDX-License-Identifier: MIT
// A stub of the Apps Script services Code.gs uses, as Google documents them
// (developers.google.com/apps-script/reference): SpreadsheetApp (Spreadsheet, Sheet, Range),
// ContentService (TextOutput, MimeType), LockService (Lock) and CacheService (Cache). It keeps
// the documented constraints that catch real bugs: a range needs at least one row, `setValues`
// needs exactly the range's shape, cells hold strings, numbers, booleans or dates, cache keys are
// at most 250 characters and live at most 21,600 s, `waitLock` throws when it times out.

type Cell = string | number | boolean | Date;

export class FakeSheet {
  readonly rows: Cell[][] = [];
  frozenRows = 0;
  constructor(readonly name: string) {}
  getName = () => this.name;
  getLastRow = () => this.rows.length;
  appendRow(values: Cell[]) {
    this.rows.push(values.map(checkCell));
    return this;
  }
  setFrozenRows(rows: number) {
    this.frozenRows = rows;
  }
  getRange(row: number, column: number, numRows = 1, numColumns = 1) {
    if (row < 1 || column < 1) throw new Error('Those rows are out of bounds.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    const rows = this.rows;
    return {
      getValues: (): Cell[][] =>
        Array.from({ length: numRows }, (_, r) => Array.from({ length: numColumns }, (_, c) => rows[row - 1 + r]?.[column - 1 + c] ?? '')),
      setValues(values: Cell[][]) {
        if (values.length !== numRows)
          throw new Error(
            `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${numRows}.`,
          );
        values.forEach((line, r) => {
          if (line.length !== numColumns)
            throw new Error(
              `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${numColumns}.`,
            );
          const target = (rows[row - 1 + r] ??= []);
          line.forEach((cell, c) => (target[column - 1 + c] = checkCell(cell)));
        });
        // Sheets has no holes: rows between the old end and `row` exist (empty) once written.
        for (let i = 0; i < rows.length; i++) rows[i] ??= [];
        return this;
      },
    };
  }
}

function checkCell(cell: unknown): Cell {
  if (['string', 'number', 'boolean'].includes(typeof cell) || cell instanceof Date) return cell as Cell;
  throw new Error(`Cannot convert ${JSON.stringify(cell)} to a cell value.`);
}

export function createAppsScriptServices() {
  const sheets = new Map<string, FakeSheet>();
  const spreadsheet = {
    getSheetByName: (name: string) => sheets.get(name) ?? null,
    insertSheet(name: string) {
      if (sheets.has(name)) throw new Error(`A sheet with the name "${name}" already exists.`);
      const sheet = new FakeSheet(name);
      sheets.set(name, sheet);
      return sheet;
    },
  };
  const lock = { heldElsewhere: false, held: false };
  const cache = new Map<string, string>();
  const checkKey = (key: string) => {
    if (key.length > 250) throw new Error('Argument too large: key');
  };
  const checkTtl = (seconds: number) => {
    if (seconds > 21_600) throw new Error('Invalid argument: expirationInSeconds');
  };

  const globals = {
    SpreadsheetApp: { getActiveSpreadsheet: () => spreadsheet },
    ContentService: {
      MimeType: { JSON: 'JSON', TEXT: 'TEXT' } as const,
      createTextOutput(content: string) {
        let mimeType = 'TEXT';
        const output = {
          getContent: () => content,
          getMimeType: () => mimeType,
          setMimeType(type: string) {
            mimeType = type;
            return output;
          },
        };
        return output;
      },
    },
    LockService: {
      getScriptLock: () => ({
        waitLock(_timeoutMs: number) {
          if (lock.heldElsewhere) throw new Error('Lock timeout: another process was holding the lock for too long.');
          lock.held = true;
        },
        tryLock: () => !lock.heldElsewhere && (lock.held = true),
        hasLock: () => lock.held,
        releaseLock: () => void (lock.held = false),
      }),
    },
    CacheService: {
      getScriptCache: () => ({
        get: (key: string) => (checkKey(key), cache.get(key) ?? null),
        getAll: (keys: string[]) =>
          Object.fromEntries(keys.flatMap((key) => (checkKey(key), cache.has(key) ? [[key, cache.get(key)!]] : []))),
        put(key: string, value: string, seconds = 600) {
          checkKey(key);
          checkTtl(seconds);
          cache.set(key, value);
        },
        putAll(values: Record<string, string>, seconds = 600) {
          checkTtl(seconds);
          for (const [key, value] of Object.entries(values)) {
            checkKey(key);
            cache.set(key, value);
          }
        },
      }),
    },
  };
  return { globals, sheets, lock, cache };
}

/** The event object Apps Script passes to `doPost(e)` for a POST with a body. */
export function postEvent(contents: string, type = 'text/plain') {
  return {
    parameter: {},
    parameters: {},
    queryString: '',
    contextPath: '',
    contentLength: contents.length,
    postData: { contents, length: contents.length, type, name: 'postData' },
  };
}
