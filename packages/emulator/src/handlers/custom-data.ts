import type { RequestContext } from '../context.ts';
import { EmulatorError } from '../errors.ts';
import type { Route } from '../route.ts';
import { invalid, optEnum, reqArray, reqString } from '../validate.ts';
import { userNotFound } from './users.ts';

const targetTypes = ['USER', 'ROLE', 'GROUP', 'DEPARTMENT'] as const;

/** The custom data of a user or a group; roles and departments are not emulated here yet. */
function customDataOf(context: RequestContext, fields: Record<string, unknown>, operation: string): Record<string, unknown> {
  const targetType = optEnum(fields, 'targetType', targetTypes) ?? reqString(fields, 'targetType');
  const targetIdentifier = reqString(fields, 'targetIdentifier');
  const { store } = context.services;
  if (targetType === 'USER') {
    const user = store.findUser('user_id', targetIdentifier);
    if (!user) throw userNotFound();
    return user.customData;
  }
  if (targetType === 'GROUP') {
    const group = store.group(targetIdentifier);
    if (!group) throw new EmulatorError(404, 'groupNotFound', { params: { code: targetIdentifier } });
    return group.customData;
  }
  throw new EmulatorError(501, 'notEmulated', {
    params: { operation: `management.${operation} (targetType ${targetType})`, method: context.method, path: context.path },
    httpStatus: 501,
  });
}

function getCustomData(context: RequestContext): unknown {
  return { ...customDataOf(context, context.query, 'getCustomData') };
}

async function setCustomData(context: RequestContext): Promise<unknown> {
  const list = reqArray(context.body, 'list');
  const entries = list.map((item, index) => {
    if (typeof item !== 'object' || item === null) throw invalid(`list[${index}]`);
    const entry = item as Record<string, unknown>;
    return [reqString(entry, 'key', `list[${index}].key`), entry.value] as const;
  });
  await context.services.store.write(() => {
    Object.assign(customDataOf(context, context.body, 'setCustomData'), Object.fromEntries(entries));
  });
  return { success: true };
}

export const customDataRoutes: Route[] = [
  { operation: 'getCustomData', method: 'GET', path: '/api/v3/get-custom-data', guard: 'management', handle: getCustomData },
  { operation: 'setCustomData', method: 'POST', path: '/api/v3/set-custom-data', guard: 'management', handle: setCustomData },
];
