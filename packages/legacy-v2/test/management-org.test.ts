import { describe, expect, it } from 'vitest';
import { AuthingV2Error } from '../src/index.ts';
import { i18nOf, nameI18nOf } from '../src/shapes/org.ts';
import { expectUnsupported, rejection, sortedKeys } from './assertions.ts';
import { emulatorManagement, newUser, prismManagement, recordingPrismManagement, unique, useEmulator } from './servers.ts';

const emulator = useEmulator();

/** The documented fields of v2's `Node`, `Org` and exported nodes. */
const nodeKeys = ['id', 'orgId', 'name', 'nameI18n', 'description', 'descriptionI18n', 'order', 'code', 'root', 'depth', 'path', 'codePath', 'namePath', 'createdAt', 'updatedAt', 'children'].sort();
const orgKeys = ['id', 'rootNode', 'nodes'].sort();
const extendedOrgKeys = [...orgKeys, 'tree'].sort();
const exportedKeys = ['id', 'createdAt', 'updatedAt', 'userPoolId', 'orgId', 'name', 'nameI18n', 'description', 'descriptionI18n', 'order', 'code', 'leaderUserIds', 'depth', 'root', 'members', 'children'].sort();

describe('org (emulator)', () => {
  it('create makes an org whose id is the code and whose root node is named after it', async () => {
    const management = emulatorManagement(emulator());
    const code = unique('org');
    const org = await management.org.create('Acme', 'the company', code);
    expect(sortedKeys(org)).toEqual(orgKeys);
    expect(sortedKeys(org.rootNode)).toEqual(nodeKeys);
    expect(org.id).toBe(code);
    expect(org.rootNode).toMatchObject({ orgId: code, name: 'Acme', description: 'the company', code, root: true, depth: 0, path: [org.rootNode.id], namePath: ['Acme'], children: [] });
    expect(org.nodes).toEqual([org.rootNode]);
  });

  it('create without a code generates one, as v3 requires it', async () => {
    const management = emulatorManagement(emulator());
    const org = await management.org.create(unique('nameonly'));
    expect(org.id).toMatch(/^org[0-9a-f]{16}$/);
    expect((await management.org.findById(org.id)).rootNode.id).toBe(org.rootNode.id);
  });

  it('addNode, getNodeById, listChildren, rootNode and isRootNode describe the tree', async () => {
    const management = emulatorManagement(emulator());
    const org = await management.org.create('Tree', undefined, unique('tree'));
    const sales = await management.org.addNode(org.id, org.rootNode.id, { name: 'Sales', code: 'sales', description: 'sells' });
    expect(sortedKeys(sales)).toEqual(nodeKeys);
    expect(sales).toMatchObject({ orgId: org.id, name: 'Sales', code: 'sales', description: 'sells', root: false, depth: 1, path: [org.rootNode.id, sales.id], codePath: [org.id, 'sales'], namePath: ['Tree', 'Sales'], children: [], order: null, nameI18n: null });
    const east = await management.org.addNode(org.id, sales.id, { name: 'East' });
    expect(east).toMatchObject({ depth: 2, path: [org.rootNode.id, sales.id, east.id], code: null });

    expect(await management.org.getNodeById(sales.id)).toMatchObject({ id: sales.id, children: [east.id], depth: 1 });
    const children = await management.org.listChildren(org.rootNode.id);
    expect(children.map((node) => node.id)).toEqual([sales.id]);
    expect(children[0]).toMatchObject({ children: [east.id], path: [org.rootNode.id, sales.id] });
    expect(await management.org.listChildren(east.id)).toEqual([]);

    const root = await management.org.rootNode(org.id);
    expect(sortedKeys(root)).toEqual(nodeKeys);
    expect(root).toMatchObject({ id: org.rootNode.id, root: true, depth: 0, children: [sales.id] });
    expect(await management.org.isRootNode(org.id, org.rootNode.id)).toBe(true);
    expect(await management.org.isRootNode(org.id, sales.id)).toBe(false);
  });

  it('a client that has never seen a node finds its organization by id alone', async () => {
    const management = emulatorManagement(emulator());
    const org = await management.org.create('Lookup', undefined, unique('lookup'));
    const node = await management.org.addNode(org.id, org.rootNode.id, { name: 'Deep' });
    const fresh = emulatorManagement(emulator());
    expect(await fresh.org.getNodeById(node.id)).toMatchObject({ id: node.id, orgId: org.id, path: [org.rootNode.id, node.id] });
    const missing = await rejection(fresh.org.getNodeById('no-such-node'));
    expect(missing).toMatchObject({ code: 404 });
  });

  it('findById and list resolve the whole org with its nested tree', async () => {
    const management = emulatorManagement(emulator());
    const org = await management.org.create('Whole', undefined, unique('whole'));
    const a = await management.org.addNode(org.id, org.rootNode.id, { name: 'A' });
    const b = await management.org.addNode(org.id, a.id, { name: 'B' });
    const found = await management.org.findById(org.id);
    expect(sortedKeys(found)).toEqual(extendedOrgKeys);
    expect(found.nodes.map((node) => node.id)).toEqual([org.rootNode.id, a.id, b.id]);
    expect(found.rootNode).toMatchObject({ id: org.rootNode.id, children: [a.id] });
    expect(found.tree).toHaveLength(1);
    expect(found.tree[0]).toMatchObject({ id: org.rootNode.id, children: [{ id: a.id, children: [{ id: b.id, children: [] }] }] });

    const { totalCount, list } = await management.org.list(1, 50);
    expect(totalCount).toBeGreaterThanOrEqual(1);
    const listed = list.find((entry) => entry.id === org.id);
    expect(listed).toEqual(found);
  });

  it('updateNode renames and recodes a node', async () => {
    const management = emulatorManagement(emulator());
    const org = await management.org.create('Upd', undefined, unique('upd'));
    const node = await management.org.addNode(org.id, org.rootNode.id, { name: 'Old' });
    const updated = await management.org.updateNode(node.id, { name: 'New', code: 'new', description: 'renamed' });
    expect(sortedKeys(updated)).toEqual(nodeKeys);
    expect(updated).toMatchObject({ id: node.id, name: 'New', code: 'new', description: 'renamed', path: [org.rootNode.id, node.id] });
    expect((await management.org.getNodeById(node.id)).name).toBe('New');
  });

  it('moveNode moves a node with its subtree and resolves the whole org', async () => {
    const management = emulatorManagement(emulator());
    const org = await management.org.create('Move', undefined, unique('move'));
    const a = await management.org.addNode(org.id, org.rootNode.id, { name: 'A' });
    const b = await management.org.addNode(org.id, org.rootNode.id, { name: 'B' });
    const c = await management.org.addNode(org.id, b.id, { name: 'C' });
    const moved = await management.org.moveNode(org.id, b.id, a.id);
    expect(sortedKeys(moved)).toEqual(extendedOrgKeys);
    expect(moved.nodes.find((node) => node.id === c.id)?.path).toEqual([org.rootNode.id, a.id, b.id, c.id]);
    expect(moved.tree[0]?.children.map((node) => node.id)).toEqual([a.id]);
    // Not under its own descendant.
    await expect(management.org.moveNode(org.id, a.id, c.id)).rejects.toBeInstanceOf(AuthingV2Error);
  });

  it('deleteNode deletes a node and its subtree; deleteById deletes the org', async () => {
    const management = emulatorManagement(emulator());
    const org = await management.org.create('Del', undefined, unique('del'));
    const a = await management.org.addNode(org.id, org.rootNode.id, { name: 'A' });
    const b = await management.org.addNode(org.id, a.id, { name: 'B' });
    expect(await management.org.deleteNode(org.id, a.id)).toEqual({ code: 200, message: 'deleted' });
    expect((await management.org.findById(org.id)).nodes.map((node) => node.id)).toEqual([org.rootNode.id]);
    await expect(management.org.getNodeById(b.id)).rejects.toMatchObject({ name: 'AuthingV2Error', code: 404 });

    expect(await management.org.deleteById(org.id)).toEqual({ code: 200, message: 'deleted' });
    await expect(management.org.findById(org.id)).rejects.toMatchObject({ name: 'AuthingV2Error', code: 404 });
  });

  it('addMembers, listMembers, moveMembers and removeMembers manage a node\'s users', async () => {
    const management = emulatorManagement(emulator());
    const org = await management.org.create('Members', undefined, unique('members'));
    const a = await management.org.addNode(org.id, org.rootNode.id, { name: 'A' });
    const b = await management.org.addNode(org.id, a.id, { name: 'B' });
    const [{ id: alice }, { id: bob }] = [await newUser(management), await newUser(management)];

    const added = await management.org.addMembers(a.id, [alice, bob]);
    expect(added.totalCount).toBe(2);
    expect(added.list.map((user) => user.id).sort()).toEqual([alice, bob].sort());
    expect(added.list[0]).toMatchObject({ userPoolId: 'emulator-pool', password: null });

    expect(await management.org.moveMembers({ sourceNodeId: a.id, targetNodeId: b.id, userIds: [bob] })).toBe(true);
    expect((await management.org.listMembers(a.id)).list.map((user) => user.id)).toEqual([alice]);
    expect((await management.org.listMembers(b.id)).list.map((user) => user.id)).toEqual([bob]);
    const withChildren = await management.org.listMembers(a.id, { includeChildrenNodes: true, page: 1, limit: 1 });
    expect(withChildren.totalCount).toBe(2);
    expect(withChildren.list).toHaveLength(1);

    const removed = await management.org.removeMembers(a.id, [alice]);
    expect(removed).toEqual({ totalCount: 0, list: [] });
  });

  it('importByJson creates an org from a nested tree', async () => {
    const management = emulatorManagement(emulator());
    const code = unique('imported');
    const org = await management.org.importByJson({
      name: 'Imported',
      code,
      children: [
        { name: 'Operations', code: 'operation', description: 'runs things' },
        { name: 'R&D', code: 'dev', children: [{ name: 'Backend', code: 'backend' }] },
      ],
    });
    expect(sortedKeys(org)).toEqual(extendedOrgKeys);
    expect(org.id).toBe(code);
    expect(org.nodes.map((node) => node.code)).toEqual([code, 'operation', 'dev', 'backend']);
    expect(org.nodes.find((node) => node.code === 'backend')?.namePath).toEqual(['Imported', 'R&D', 'Backend']);
    await expect(management.org.importByJson({ name: 'Bad', children: [{ code: 'nameless' } as unknown as { name: string }] })).rejects.toMatchObject({ code: 'validation_error' });
  });

  it('exportByOrgId and exportAll nest the nodes with their members', async () => {
    const management = emulatorManagement(emulator());
    const org = await management.org.create('Export', undefined, unique('export'));
    const a = await management.org.addNode(org.id, org.rootNode.id, { name: 'A' });
    const { id: user } = await newUser(management);
    await management.org.addMembers(a.id, [user]);

    const exported = await management.org.exportByOrgId(org.id);
    expect(sortedKeys(exported)).toEqual(exportedKeys);
    expect(exported).toMatchObject({ id: org.rootNode.id, orgId: org.id, root: true, depth: 0, userPoolId: 'emulator-pool', members: [] });
    expect(exported.children).toHaveLength(1);
    expect(exported.children[0]).toMatchObject({ id: a.id, depth: 1, root: false, children: [] });
    expect(exported.children[0]?.members.map((member) => member.id)).toEqual([user]);

    const all = await management.org.exportAll();
    expect(all.find((entry) => entry.orgId === org.id)).toEqual(exported);
  });

  it('bad input is refused before anything is sent', async () => {
    const management = emulatorManagement(emulator());
    await expect(management.org.addNode('org', 'parent', { name: '' })).rejects.toMatchObject({ name: 'AuthingV2Error', code: 'validation_error' });
    await expect(management.org.addNode('org', 'parent', { name: 'x', nameI18n: 'not json' })).rejects.toMatchObject({ code: 'validation_error' });
    await expect(management.org.addMembers('', ['u'])).rejects.toMatchObject({ code: 'validation_error' });
    await expect(management.org.create('')).rejects.toMatchObject({ code: 'validation_error' });
  });
});

describe('org shapes', () => {
  it('nameI18n is JSON of language → name, both ways', () => {
    const i18n = i18nOf('{"en-US":"Sales","zh-CN":"销售"}');
    expect(i18n?.name['en-US']).toEqual({ enabled: true, value: 'Sales' });
    expect(i18n?.name['ja-JP']).toEqual({ enabled: false, value: '' });
    expect(JSON.parse(nameI18nOf(i18n)!)).toEqual({ 'en-US': 'Sales', 'zh-CN': '销售' });
    expect(nameI18nOf(undefined)).toBeNull();
    expect(() => i18nOf('[1]')).toThrow(/nameI18n/);
  });
});

describe('org (Prism)', () => {
  it('setMainDepartment reads the user\'s departments and sets them with the new main one', async () => {
    const { management, sent } = recordingPrismManagement();
    expect(await management.org.setMainDepartment('user1', 'dept1')).toEqual({ code: 200, message: 'main department set' });
    expect(sent.map(({ path }) => path)).toEqual(['/api/v3/get-user-departments', '/api/v3/set-user-departments']);
    expect(sent[0]?.query.get('userId')).toBe('user1');
    const { userId, departments } = sent[1]?.body as { userId: string; departments: { departmentId: string; isMainDepartment: boolean }[] };
    expect(userId).toBe('user1');
    // The user's current departments are kept, no longer main; the named one is main.
    expect(departments.length).toBeGreaterThan(1);
    expect(departments.filter((department) => department.isMainDepartment)).toEqual([{ departmentId: 'dept1', isLeader: false, isMainDepartment: true }]);
  });

  it('searchNodes searches every organization', async () => {
    const { management, sent } = recordingPrismManagement();
    const nodes = await management.org.searchNodes('dev');
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect(sortedKeys(node)).toEqual(nodeKeys);
    expect(nodes[0]).toMatchObject({ id: '60b49eb83fd80adb96f26e68', name: '开发部', orgId: 'steamory' });
    const search = sent.find(({ path }) => path === '/api/v3/search-departments');
    expect(search?.body).toEqual({ organizationCode: 'steamory', keywords: 'dev' });
  });

  it('listAuthorizedResourcesByNodeId and ByNodeCode list { code, type, actions } of the department', async () => {
    const { management, sent } = recordingPrismManagement();
    for (const result of [
      await management.org.listAuthorizedResourcesByNodeId('dept1', 'default', { resourceType: 'DATA' }),
      await management.org.listAuthorizedResourcesByNodeCode('org1', 'dev', 'default'),
    ]) {
      expect(typeof result.totalCount).toBe('number');
      expect(result.list[0]).toEqual({ code: 'ecs:1', type: null, actions: ['ecs:Start', 'ecs:Stop'] });
    }
    const asked = sent.filter(({ path }) => path === '/api/v3/get-authorized-resources').map(({ query }) => Object.fromEntries(query));
    expect(asked[0]).toEqual({ targetType: 'DEPARTMENT', targetIdentifier: 'dept1', namespace: 'default', resourceType: 'DATA' });
    // By code: the department is read first (by organization and code), then its id is used.
    const lookup = sent.find(({ path }) => path === '/api/v3/get-department');
    expect(Object.fromEntries(lookup!.query)).toEqual({ organizationCode: 'org1', departmentCode: 'dev' });
    expect(asked[1]).toMatchObject({ targetType: 'DEPARTMENT', namespace: 'default' });
  });

  it('getOrgByTenantId exports the tenant\'s organizations', async () => {
    const { management, sent } = recordingPrismManagement();
    const exported = await management.org.getOrgByTenantId('tenant1');
    expect(exported.length).toBeGreaterThan(0);
    for (const root of exported) expect(sortedKeys(root)).toEqual(exportedKeys);
    expect(exported[0]).toMatchObject({ orgId: 'steamory', root: true, depth: 0, userPoolId: 'pool' });
    expect(exported[0]?.members[0]).toMatchObject({ username: 'bob', password: null });
    // Every v3 call is scoped to the tenant.
    const scoped = sent.filter(({ path }) => ['/api/v3/list-organizations', '/api/v3/list-children-departments', '/api/v3/list-department-members'].includes(path));
    expect(scoped.length).toBeGreaterThanOrEqual(3);
    for (const { query } of scoped) expect(query.get('tenantId')).toBe('tenant1');
  });

  it('startSync has no v3 equivalent and says so', async () => {
    await expectUnsupported(prismManagement().org.startSync({ providerType: 'dingtalk' }), 'org.startSync');
  });
});
