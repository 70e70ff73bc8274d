import { ManagementClient as V3ManagementClient } from '@authing/management';
import { ValidationError, type ClientOptions, type Lang } from '@authing/core';
import { reported, toV2Error } from '../errors.ts';
import { Shim, type ShimOptions } from '../shim.ts';
import type { ManagementContext } from './context.ts';
import { UsersManagementClient } from './users.ts';
import { RolesManagementClient } from './roles.ts';
import { GroupsManagementClient } from './groups.ts';
import { OrgManagementClient } from './org.ts';
import { AclManagementClient } from './acl.ts';
import { UdfManagementClient } from './udf.ts';
import { ApplicationsManagementClient } from './applications.ts';
import { WhitelistManagementClient } from './whitelist.ts';
import { StatisticsManagementClient } from './statistics.ts';
import { TenantManagementClient } from './tenant.ts';
import { PoliciesManagementClient } from './policies.ts';
import { UserpoolManagementClient } from './userpool.ts';

/** v2's `ManagementClient` options, plus the v3 transport options a migrating app may want. */
export interface ManagementClientOptions extends ShimOptions, Pick<ClientOptions, 'retries' | 'headers' | 'fetch'> {
  /** The user pool id (v3's `accessKeyId`). */
  userPoolId: string;
  /** The user pool secret (v3's `accessKeySecret`). Never logged. */
  secret: string;
  /** API root. Default `https://api.authing.cn` (v2's default, `https://core.authing.cn`, serves v2 only). */
  host?: string;
  /** Milliseconds per attempt. Default 10 000, as v2. */
  timeout?: number;
  lang?: Lang;
  /** Sent as `x-authing-app-tenant-id`, as v2 did. */
  tenantId?: string;
  /** The server's public key: passwords are then sent encrypted (RSA PEM, or SM2 hex as `sm2:04…`). */
  encPublicKey?: string;
  /** v2's JavaScript name for `encPublicKey` (the Python SDK called it `enc_public_key`). */
  publicKey?: string;
}

/**
 * v2's `ManagementClient`, over `@authing/management`: the same sub-clients and methods, v2 shapes,
 * v2 errors (`AuthingV2Error` with `code`), and one deprecation warning per method naming the v3
 * call to use instead.
 */
export class ManagementClient {
  readonly users: UsersManagementClient;
  readonly roles: RolesManagementClient;
  readonly groups: GroupsManagementClient;
  readonly org: OrgManagementClient;
  readonly acl: AclManagementClient;
  readonly udf: UdfManagementClient;
  readonly applications: ApplicationsManagementClient;
  readonly whitelist: WhitelistManagementClient;
  readonly statistics: StatisticsManagementClient;
  readonly tenant: TenantManagementClient;
  readonly policies: PoliciesManagementClient;
  readonly userpool: UserpoolManagementClient;

  constructor(options: ManagementClientOptions) {
    const { userPoolId, secret, encPublicKey, publicKey, onError, deprecationWarnings, ...transport } = options ?? ({} as ManagementClientOptions);
    let v3: V3ManagementClient<true>;
    try {
      // Checked under their v2 names first: v3 would report `accessKeyId` and `accessKeySecret`.
      for (const [field, value] of [['userPoolId', userPoolId], ['secret', secret]] as const) {
        if (typeof value !== 'string' || value === '') throw new ValidationError(`invalid option \`${field}\`: a non-empty string`, field);
      }
      v3 = new V3ManagementClient({ ...transport, accessKeyId: userPoolId, accessKeySecret: secret, throwOnError: true });
    } catch (error) {
      throw reported(toV2Error(error), onError);
    }
    const context: ManagementContext = {
      v3,
      shim: new Shim({ onError, deprecationWarnings }, 'ManagementClient'),
      userPoolId,
      encPublicKey: encPublicKey ?? publicKey,
    };
    this.users = new UsersManagementClient(context);
    this.roles = new RolesManagementClient(context);
    this.groups = new GroupsManagementClient(context);
    this.org = new OrgManagementClient(context);
    this.acl = new AclManagementClient(context);
    this.udf = new UdfManagementClient(context);
    this.applications = new ApplicationsManagementClient(context);
    this.whitelist = new WhitelistManagementClient(context);
    this.statistics = new StatisticsManagementClient(context);
    this.tenant = new TenantManagementClient(context);
    this.policies = new PoliciesManagementClient(context);
    this.userpool = new UserpoolManagementClient(context);
  }
}
