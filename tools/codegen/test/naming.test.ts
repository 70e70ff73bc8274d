import { describe, expect, it } from 'vitest';
import { parseEndpointTable, type TableRow } from '../src/endpoint-table.ts';
import { assertUsableNames, nameSpecOperation, type NamingRules } from '../src/naming.ts';

const row = (name: string, inSpec = 'yes', area = 'events'): TableRow => ({ name, method: 'POST', path: '/api/v3/pub-event', area, inSpec });
const noRules: NamingRules = { chosen: {}, unlistedAreas: {}, renamed: {} };

describe('nameSpecOperation', () => {
  it("uses the table's one endpoint name and lists the wrappers around it", () => {
    const named = nameSpecOperation('POST /api/v3/signin', 'SignInV3Controller_signInByCredentials', [row('signInByEmailPassword', 'n/a', 'login'), row('signInByCredentials', 'yes', 'login')], noRules);
    expect(named).toMatchObject({ name: 'signInByCredentials', area: 'login', wrappers: ['signInByEmailPassword'], otherNames: [] });
  });

  it('throws when several names fit and no rule picks one', () => {
    expect(() => nameSpecOperation('POST /api/v3/pub-event', 'X_verifyEvent', [row('verifyEvent'), row('pub')], noRules)).toThrow(/several SDK names \(verifyEvent, pub\)/);
  });

  it('honours a rule that picks one of several names', () => {
    const rules = { ...noRules, chosen: { 'POST /api/v3/pub-event': 'pub' } };
    expect(nameSpecOperation('POST /api/v3/pub-event', 'X_verifyEvent', [row('verifyEvent'), row('pub')], rules)).toMatchObject({ name: 'pub', otherNames: ['verifyEvent'] });
  });

  it('names unlisted operations from the operationId, in the area its controller maps to', () => {
    const rules = { ...noRules, unlistedAreas: { TerminalManagementController: 'devices' } };
    expect(nameSpecOperation('POST /api/v3/delete-device', 'TerminalManagementController_deleteDevice', [], rules)).toMatchObject({ name: 'deleteDevice', area: 'devices', fromOperationId: true });
    expect(() => nameSpecOperation('POST /x', 'OtherController_x', [], rules)).toThrow(/no area rule for OtherController/);
  });

  it('applies a rename to an unlisted operation', () => {
    const rules = { ...noRules, unlistedAreas: { T: 'devices' }, renamed: { 'POST /api/v3/delete-device': 'deleteTerminal' } };
    expect(nameSpecOperation('POST /api/v3/delete-device', 'T_deleteDevice', [], rules)).toMatchObject({ name: 'deleteTerminal', renamedFrom: 'deleteDevice' });
  });
});

describe('assertUsableNames', () => {
  it('accepts distinct identifiers', () => {
    expect(() => assertUsableNames([{ name: 'listUsers', origin: 'a' }, { name: 'pub', origin: 'b' }])).not.toThrow();
  });

  it('throws on a collision, naming both origins', () => {
    expect(() => assertUsableNames([{ name: 'deleteDevice', origin: 'spec A' }, { name: 'deleteDevice', origin: 'overlay B' }])).toThrow(/deleteDevice names both spec A and overlay B/);
  });

  it('throws on names that cannot be bindings or clash with the facade', () => {
    expect(() => assertUsableNames([{ name: 'delete', origin: 'a' }])).toThrow(/not a usable method name/);
    expect(() => assertUsableNames([{ name: 'client', origin: 'a' }])).toThrow(/not a usable method name/);
  });
});

describe('parseEndpointTable', () => {
  it('reads a names table by its header, whatever the column order', () => {
    const table = 'path\tmethod_name\tarea\thttp_method\tin_2023_spec\n/api/v3/list-users\tlistUsers\tusers\tPOST\tyes\n';
    expect(parseEndpointTable(table)).toEqual([{ name: 'listUsers', method: 'POST', path: '/api/v3/list-users', area: 'users', inSpec: 'yes' }]);
    expect(() => parseEndpointTable('method_name\tpath\n')).toThrow(/http_method/);
  });
});
