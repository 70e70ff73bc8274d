import type { UserDepartmentRespDto, UserDto } from '@authing/management';
import { describe, expect, it } from 'vitest';
import { toV2OrgPath, toV2UserDepartment } from '../src/shapes/department.ts';
import { toV2User } from '../src/shapes/user.ts';

/**
 * The fields of v2's GraphQL `User` (authing-js-sdk `src/types/graphql.v2.ts`), in its order. Left
 * out: `roles`, `groups`, `departments` and `authorizedResources`, which v2 fetched lazily (through
 * `users.listRoles`, `listGroups`, `listDepartment`, `listAuthorizedResources`), never with a user.
 */
const v2UserFields = [
  'id', 'arn', 'status', 'userPoolId', 'username', 'email', 'emailVerified', 'phone', 'phoneVerified', 'unionid', 'openid',
  'identities', 'nickname', 'registerSource', 'photo', 'password', 'oauth', 'token', 'tokenExpiredAt', 'loginsCount',
  'lastLogin', 'lastIP', 'signedUp', 'blocked', 'isDeleted', 'device', 'browser', 'company', 'name', 'givenName', 'familyName',
  'middleName', 'profile', 'preferredUsername', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'address', 'formatted',
  'streetAddress', 'locality', 'region', 'postalCode', 'city', 'province', 'country', 'createdAt', 'updatedAt', 'externalId',
  'customData',
];

/** v2's `Identity`. */
const v2IdentityFields = ['openid', 'userIdInIdp', 'userId', 'connectionId', 'isSocial', 'provider', 'userPoolId', 'refreshToken', 'accessToken'];

const fullUser: UserDto = {
  userId: 'u1',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
  status: 'Suspended',
  workStatus: 'Active',
  externalId: 'ext-1',
  email: 'bob@example.com',
  phone: '13800000000',
  username: 'bob',
  name: 'Bob',
  nickname: 'bobby',
  photo: 'https://example.com/bob.png',
  loginsCount: 7,
  lastLogin: '2024-01-03T00:00:00.000Z',
  lastIp: '10.0.0.1',
  gender: 'M',
  emailVerified: true,
  phoneVerified: false,
  city: 'Hangzhou',
  province: 'Zhejiang',
  country: 'CN',
  userSourceType: 'adminCreated',
  registerSource: ['import:manual'],
  identities: [
    { identityId: 'i1', extIdpId: 'e1', provider: 'wechat', type: 'openid', userIdInIdp: 'wx-1', userInfoInIdp: {}, originConnIds: ['c1'] },
    { identityId: 'i2', extIdpId: 'e2', provider: 'oidc', type: 'generic', userIdInIdp: 'oidc-1', userInfoInIdp: {}, originConnIds: [] },
  ],
  customData: { school: 'PKU', age: 20 },
};

describe('toV2User', () => {
  it('has exactly the documented v2 User fields, in v2 order', () => {
    expect(Object.keys(toV2User(fullUser, 'pool1'))).toEqual(v2UserFields);
    expect(Object.keys(toV2User({ userId: 'u2' }, 'pool1'))).toEqual(v2UserFields);
  });

  it('maps v3 fields to their v2 names and values', () => {
    const user = toV2User(fullUser, 'pool1', { token: 'tok', tokenExpiredAt: '2024-02-01T00:00:00.000Z' });
    expect(user).toMatchObject({
      id: 'u1',
      arn: 'arn:cn:authing:pool1:user:u1',
      userPoolId: 'pool1',
      status: 'Suspended',
      blocked: true,
      lastIP: '10.0.0.1',
      signedUp: '2024-01-01T00:00:00.000Z',
      loginsCount: 7,
      registerSource: ['import:manual'],
      token: 'tok',
      tokenExpiredAt: '2024-02-01T00:00:00.000Z',
      password: null,
      unionid: null,
      locality: null,
      customData: { school: 'PKU', age: 20 },
    });
    expect(user.identities?.map((identity) => Object.keys(identity))).toEqual([v2IdentityFields, v2IdentityFields]);
    expect(user.identities).toMatchObject([
      { provider: 'wechat', isSocial: true, connectionId: 'c1', userIdInIdp: 'wx-1', userId: 'u1', userPoolId: 'pool1' },
      { provider: 'oidc', isSocial: false, connectionId: null },
    ]);
  });

  it('gives null for what v3 did not send', () => {
    const user = toV2User({ userId: 'u2' }, 'pool1');
    const set = Object.entries(user).filter(([, value]) => value !== null);
    expect(Object.fromEntries(set)).toEqual({ id: 'u2', arn: 'arn:cn:authing:pool1:user:u2', userPoolId: 'pool1', isDeleted: false });
  });

  it('copies customData, so that changing the v2 user leaves the v3 one alone', () => {
    const source: UserDto = { ...fullUser, customData: { school: 'PKU' } };
    const user = toV2User(source, 'pool1');
    user.customData!.school = 'THU';
    expect(source.customData).toEqual({ school: 'PKU' });
  });
});

describe('departments and organization paths of users.listDepartment and users.listOrgs', () => {
  const department: UserDepartmentRespDto = {
    organizationCode: 'acme',
    departmentId: 'd2',
    isRoot: false,
    createdAt: '2024-01-01T00:00:00.000Z',
    name: 'Platform',
    description: 'platform team',
    isLeader: false,
    code: 'platform',
    isMainDepartment: true,
    joinedAt: '2024-01-05T00:00:00.000Z',
    isVirtualNode: false,
    i18n: {
      name: {
        'zh-CN': { enabled: false, value: '' },
        'en-US': { enabled: true, value: 'Platform' },
        'zh-TW': { enabled: false, value: '' },
        'ja-JP': { enabled: false, value: '' },
      },
    },
    departmentIdPath: ['d0', 'd1', 'd2'],
    departmentCodePath: ['acme', '', 'platform'],
    departmentNamePath: ['Acme', 'Engineering', 'Platform'],
  };

  it('toV2UserDepartment: v2 UserDepartment, its department a v2 Node without users and authorizedResources', () => {
    const item = toV2UserDepartment(department);
    expect(Object.keys(item)).toEqual(['department', 'isMainDepartment', 'joinedAt']);
    expect(Object.keys(item.department)).toEqual([
      'id', 'orgId', 'name', 'nameI18n', 'description', 'descriptionI18n', 'order', 'code', 'root', 'depth', 'path', 'codePath',
      'namePath', 'createdAt', 'updatedAt', 'children',
    ]);
    expect(item).toMatchObject({
      isMainDepartment: true,
      joinedAt: '2024-01-05T00:00:00.000Z',
      department: { id: 'd2', orgId: 'acme', code: 'platform', root: false, depth: 2, nameI18n: '{"en-US":"Platform"}', children: null, path: ['d0', 'd1', 'd2'], codePath: ['acme', null, 'platform'], namePath: ['Acme', 'Engineering', 'Platform'] },
    });
  });

  it('toV2OrgPath: v2 UserOrgList entry, organization first, then the departments from the root down', () => {
    const [org, ...nodes] = toV2OrgPath(department, 'pool1');
    expect(Object.keys(org)).toEqual(['type', 'id', 'createdAt', 'updatedAt', 'userPoolId', 'rootNodeId', 'logo']);
    expect(org).toMatchObject({ type: 'org', id: 'acme', rootNodeId: 'd0', userPoolId: 'pool1' });
    for (const node of nodes) {
      expect(Object.keys(node)).toEqual(['type', 'id', 'createdAt', 'updatedAt', 'userPoolId', 'orgId', 'name', 'nameI18n', 'description', 'descriptionI18n', 'order', 'code']);
    }
    expect(nodes.map(({ id, name, code }) => ({ id, name, code }))).toEqual([
      { id: 'd0', name: 'Acme', code: 'acme' },
      { id: 'd1', name: 'Engineering', code: null },
      { id: 'd2', name: 'Platform', code: 'platform' },
    ]);
    expect(nodes[2]).toMatchObject({ description: 'platform team', createdAt: '2024-01-01T00:00:00.000Z', orgId: 'acme' });
    expect(nodes[0]).toMatchObject({ description: null, createdAt: null });
  });
});
