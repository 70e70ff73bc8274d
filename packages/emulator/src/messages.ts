/** Languages Authing answers in, chosen per request with `x-authing-lang`. */
export type Lang = 'zh-CN' | 'en-US' | 'ja-JP' | 'zh-TW';

export const langs: readonly Lang[] = ['zh-CN', 'en-US', 'ja-JP', 'zh-TW'];

/** Picks the language of a request; Authing's default is zh-CN. */
export function langOf(header: string | undefined, fallback: Lang): Lang {
  return (langs as readonly string[]).includes(header ?? '') ? (header as Lang) : fallback;
}

/** Every message the emulator can send. */
export type MessageKey =
  | 'ok'
  | 'badJson'
  | 'tooLarge'
  | 'wrongType'
  | 'missing'
  | 'invalidValue'
  | 'notFound'
  | 'notEmulated'
  | 'internal'
  | 'unauthorized'
  | 'wrongPool'
  | 'badKeyPair'
  | 'sig1300'
  | 'sig1301'
  | 'sig1302'
  | 'sig1303'
  | 'sig1304'
  | 'sig1305'
  | 'sig1306'
  | 'appIdMissing'
  | 'appNotFound'
  | 'clientAuthFailed'
  | 'notLoggedIn'
  | 'userNotFound'
  | 'wrongPassword'
  | 'wrongCredentials'
  | 'userExists'
  | 'userSuspended'
  | 'badPassCode'
  | 'roleExists'
  | 'roleNotFound'
  | 'groupExists'
  | 'groupNotFound'
  | 'unsupportedTarget'
  | 'identifierRequired'
  | 'unsupportedConnection'
  | 'oldPasswordRequired'
  | 'organizationExists'
  | 'organizationNotFound'
  | 'departmentExists'
  | 'departmentNotFound'
  | 'rootDepartment'
  | 'departmentCycle'
  | 'appIdentifierExists'
  | 'resourceExists'
  | 'resourceNotFound'
  | 'mfaRequired'
  | 'totpWrong'
  | 'totpMissing'
  | 'mfaTokenInvalid'
  | 'enrollmentTokenInvalid'
  | 'factorExists'
  | 'factorNotFound'
  | 'unsupportedFactor'
  | 'badCiphertext';

// One entry per message the emulator can send, in the four languages Authing
// documents. `{name}` placeholders are filled by `message()`.
const catalog: Record<MessageKey, Record<Lang, string>> = {
  ok: { 'zh-CN': '', 'en-US': '', 'ja-JP': '', 'zh-TW': '' },
  badJson: { 'zh-CN': '请求体不是合法的 JSON', 'en-US': 'The request body is not valid JSON', 'ja-JP': 'リクエスト本文が有効な JSON ではありません', 'zh-TW': '請求體不是合法的 JSON' },
  tooLarge: { 'zh-CN': '请求体过大（上限 {limit} 字节）', 'en-US': 'The request body is too large (limit {limit} bytes)', 'ja-JP': 'リクエスト本文が大きすぎます（上限 {limit} バイト）', 'zh-TW': '請求體過大（上限 {limit} 位元組）' },
  wrongType: { 'zh-CN': '参数 {field} 应为 {type}', 'en-US': 'Parameter {field} must be {type}', 'ja-JP': 'パラメータ {field} は {type} である必要があります', 'zh-TW': '參數 {field} 應為 {type}' },
  missing: { 'zh-CN': '缺少参数 {field}', 'en-US': 'Missing parameter {field}', 'ja-JP': 'パラメータ {field} がありません', 'zh-TW': '缺少參數 {field}' },
  invalidValue: { 'zh-CN': '参数 {field} 的值无效', 'en-US': 'Parameter {field} has an invalid value', 'ja-JP': 'パラメータ {field} の値が無効です', 'zh-TW': '參數 {field} 的值無效' },
  notFound: { 'zh-CN': '接口不存在：{method} {path}', 'en-US': 'No such endpoint: {method} {path}', 'ja-JP': 'エンドポイントが存在しません: {method} {path}', 'zh-TW': '介面不存在：{method} {path}' },
  notEmulated: {
    'zh-CN': '模拟器暂不支持此操作：{operation}（{method} {path}）',
    'en-US': 'The emulator does not emulate {operation} ({method} {path}) yet',
    'ja-JP': 'エミュレーターはまだ {operation}（{method} {path}）をサポートしていません',
    'zh-TW': '模擬器暫不支援此操作：{operation}（{method} {path}）',
  },
  internal: { 'zh-CN': '服务器内部错误', 'en-US': 'Internal server error', 'ja-JP': 'サーバー内部エラー', 'zh-TW': '伺服器內部錯誤' },
  unauthorized: { 'zh-CN': '未授权：缺少或无效的 access token', 'en-US': 'Unauthorized: missing or invalid access token', 'ja-JP': '認証されていません: アクセストークンがないか無効です', 'zh-TW': '未授權：缺少或無效的 access token' },
  wrongPool: { 'zh-CN': 'x-authing-userpool-id 与 token 不匹配', 'en-US': 'x-authing-userpool-id does not match the token', 'ja-JP': 'x-authing-userpool-id がトークンと一致しません', 'zh-TW': 'x-authing-userpool-id 與 token 不符' },
  badKeyPair: { 'zh-CN': 'accessKeyId 或 accessKeySecret 错误', 'en-US': 'Wrong accessKeyId or accessKeySecret', 'ja-JP': 'accessKeyId または accessKeySecret が正しくありません', 'zh-TW': 'accessKeyId 或 accessKeySecret 錯誤' },
  sig1300: { 'zh-CN': '签名无效', 'en-US': 'Invalid signature', 'ja-JP': '署名が無効です', 'zh-TW': '簽名無效' },
  sig1301: { 'zh-CN': '签名方法不匹配，应为 HMAC-SHA1', 'en-US': 'Signature method mismatch: expected HMAC-SHA1', 'ja-JP': '署名方式が一致しません（HMAC-SHA1 が必要です）', 'zh-TW': '簽名方法不符，應為 HMAC-SHA1' },
  sig1302: { 'zh-CN': '签名版本不匹配，应为 1.0', 'en-US': 'Signature version mismatch: expected 1.0', 'ja-JP': '署名バージョンが一致しません（1.0 が必要です）', 'zh-TW': '簽名版本不符，應為 1.0' },
  sig1303: { 'zh-CN': '时间戳格式错误，应为毫秒级 Unix 时间戳', 'en-US': 'Bad timestamp format: expected a Unix timestamp in milliseconds', 'ja-JP': 'タイムスタンプの形式が正しくありません（ミリ秒の Unix 時間が必要です）', 'zh-TW': '時間戳格式錯誤，應為毫秒級 Unix 時間戳' },
  sig1304: { 'zh-CN': '缺少 date 请求头', 'en-US': 'Missing date header', 'ja-JP': 'date ヘッダーがありません', 'zh-TW': '缺少 date 請求標頭' },
  sig1305: { 'zh-CN': '时间戳与服务器时间相差过大', 'en-US': 'Timestamp too far from server time', 'ja-JP': 'タイムスタンプとサーバー時刻の差が大きすぎます', 'zh-TW': '時間戳與伺服器時間相差過大' },
  sig1306: { 'zh-CN': '签名已被使用', 'en-US': 'Signature already used (nonce replay)', 'ja-JP': '署名はすでに使用されています', 'zh-TW': '簽名已被使用' },
  appIdMissing: { 'zh-CN': '缺少 x-authing-app-id 请求头', 'en-US': 'Missing x-authing-app-id header', 'ja-JP': 'x-authing-app-id ヘッダーがありません', 'zh-TW': '缺少 x-authing-app-id 請求標頭' },
  appNotFound: { 'zh-CN': '应用不存在', 'en-US': 'Application not found', 'ja-JP': 'アプリケーションが存在しません', 'zh-TW': '應用不存在' },
  clientAuthFailed: { 'zh-CN': '客户端认证失败', 'en-US': 'Client authentication failed', 'ja-JP': 'クライアント認証に失敗しました', 'zh-TW': '用戶端認證失敗' },
  notLoggedIn: { 'zh-CN': '尚未登录，无访问权限', 'en-US': 'Not logged in', 'ja-JP': 'ログインしていません', 'zh-TW': '尚未登入，無存取權限' },
  userNotFound: { 'zh-CN': '用户不存在', 'en-US': 'User does not exist', 'ja-JP': 'ユーザーが存在しません', 'zh-TW': '使用者不存在' },
  wrongPassword: { 'zh-CN': '密码错误', 'en-US': 'Wrong password', 'ja-JP': 'パスワードが正しくありません', 'zh-TW': '密碼錯誤' },
  wrongCredentials: { 'zh-CN': '账号或密码错误', 'en-US': 'Wrong username or password', 'ja-JP': 'アカウントまたはパスワードが正しくありません', 'zh-TW': '帳號或密碼錯誤' },
  userExists: { 'zh-CN': '用户已存在', 'en-US': 'User already exists', 'ja-JP': 'ユーザーはすでに存在します', 'zh-TW': '使用者已存在' },
  userSuspended: { 'zh-CN': '用户已被锁定', 'en-US': 'User is locked', 'ja-JP': 'ユーザーはロックされています', 'zh-TW': '使用者已被鎖定' },
  badPassCode: { 'zh-CN': '验证码不正确或已过期', 'en-US': 'Wrong or expired verification code', 'ja-JP': '認証コードが正しくないか期限切れです', 'zh-TW': '驗證碼不正確或已過期' },
  roleExists: { 'zh-CN': '角色 {code} 已存在', 'en-US': 'Role {code} already exists', 'ja-JP': 'ロール {code} はすでに存在します', 'zh-TW': '角色 {code} 已存在' },
  roleNotFound: { 'zh-CN': '角色 {code} 不存在', 'en-US': 'Role {code} does not exist', 'ja-JP': 'ロール {code} が存在しません', 'zh-TW': '角色 {code} 不存在' },
  groupExists: { 'zh-CN': '分组 {code} 已存在', 'en-US': 'Group {code} already exists', 'ja-JP': 'グループ {code} はすでに存在します', 'zh-TW': '分組 {code} 已存在' },
  groupNotFound: { 'zh-CN': '分组 {code} 不存在', 'en-US': 'Group {code} does not exist', 'ja-JP': 'グループ {code} が存在しません', 'zh-TW': '分組 {code} 不存在' },
  unsupportedTarget: { 'zh-CN': '模拟器只支持 targetType USER', 'en-US': 'The emulator supports targetType USER only', 'ja-JP': 'エミュレーターは targetType USER のみサポートします', 'zh-TW': '模擬器只支援 targetType USER' },
  identifierRequired: { 'zh-CN': '需要邮箱、手机号或用户名', 'en-US': 'An email, phone or username is required', 'ja-JP': 'メール、電話番号、またはユーザー名が必要です', 'zh-TW': '需要信箱、手機號或使用者名稱' },
  unsupportedConnection: { 'zh-CN': '模拟器不支持此登录方式：{connection}', 'en-US': 'The emulator does not support connection {connection}', 'ja-JP': 'エミュレーターは接続方式 {connection} をサポートしていません', 'zh-TW': '模擬器不支援此登入方式：{connection}' },
  oldPasswordRequired: { 'zh-CN': '需要提供原密码', 'en-US': 'The old password is required', 'ja-JP': '現在のパスワードが必要です', 'zh-TW': '需要提供原密碼' },
  organizationExists: { 'zh-CN': '组织 {code} 已存在', 'en-US': 'Organization {code} already exists', 'ja-JP': '組織 {code} はすでに存在します', 'zh-TW': '組織 {code} 已存在' },
  organizationNotFound: { 'zh-CN': '组织 {code} 不存在', 'en-US': 'Organization {code} does not exist', 'ja-JP': '組織 {code} が存在しません', 'zh-TW': '組織 {code} 不存在' },
  departmentExists: { 'zh-CN': '部门 {code} 已存在', 'en-US': 'Department {code} already exists', 'ja-JP': '部門 {code} はすでに存在します', 'zh-TW': '部門 {code} 已存在' },
  departmentNotFound: { 'zh-CN': '部门 {id} 不存在', 'en-US': 'Department {id} does not exist', 'ja-JP': '部門 {id} が存在しません', 'zh-TW': '部門 {id} 不存在' },
  rootDepartment: { 'zh-CN': '不能删除或移动组织的根部门', 'en-US': 'The root department of an organization cannot be deleted or moved', 'ja-JP': '組織のルート部門は削除または移動できません', 'zh-TW': '不能刪除或移動組織的根部門' },
  departmentCycle: { 'zh-CN': '部门不能移动到自身或其子部门下', 'en-US': 'A department cannot be moved under itself or one of its children', 'ja-JP': '部門を自身またはその子部門の下に移動することはできません', 'zh-TW': '部門不能移動到自身或其子部門下' },
  appIdentifierExists: { 'zh-CN': '应用标识 {identifier} 已被使用', 'en-US': 'App identifier {identifier} is already in use', 'ja-JP': 'アプリ識別子 {identifier} はすでに使用されています', 'zh-TW': '應用標識 {identifier} 已被使用' },
  resourceExists: { 'zh-CN': '资源 {code} 已存在', 'en-US': 'Resource {code} already exists', 'ja-JP': 'リソース {code} はすでに存在します', 'zh-TW': '資源 {code} 已存在' },
  resourceNotFound: { 'zh-CN': '资源 {code} 不存在', 'en-US': 'Resource {code} does not exist', 'ja-JP': 'リソース {code} が存在しません', 'zh-TW': '資源 {code} 不存在' },
  mfaRequired: { 'zh-CN': '请完成 MFA 二次认证', 'en-US': 'Multi-factor authentication is required', 'ja-JP': '多要素認証が必要です', 'zh-TW': '請完成 MFA 二次認證' },
  totpWrong: { 'zh-CN': 'TOTP 验证码错误', 'en-US': 'Wrong TOTP code', 'ja-JP': 'TOTP コードが正しくありません', 'zh-TW': 'TOTP 驗證碼錯誤' },
  totpMissing: { 'zh-CN': '缺少 TOTP 验证码', 'en-US': 'The TOTP code is missing', 'ja-JP': 'TOTP コードがありません', 'zh-TW': '缺少 TOTP 驗證碼' },
  mfaTokenInvalid: { 'zh-CN': 'mfaToken 无效、已过期或已被使用', 'en-US': 'The mfaToken is invalid, expired or already used', 'ja-JP': 'mfaToken が無効、期限切れ、または使用済みです', 'zh-TW': 'mfaToken 無效、已過期或已被使用' },
  enrollmentTokenInvalid: { 'zh-CN': 'enrollmentToken 无效或已过期', 'en-US': 'The enrollmentToken is invalid or expired', 'ja-JP': 'enrollmentToken が無効または期限切れです', 'zh-TW': 'enrollmentToken 無效或已過期' },
  factorExists: { 'zh-CN': '已绑定 {factorType} 类型的 MFA 认证要素', 'en-US': 'An MFA factor of type {factorType} is already enrolled', 'ja-JP': '{factorType} タイプの MFA 要素はすでに登録されています', 'zh-TW': '已綁定 {factorType} 類型的 MFA 認證要素' },
  factorNotFound: { 'zh-CN': 'MFA 认证要素不存在', 'en-US': 'MFA factor not found', 'ja-JP': 'MFA 要素が存在しません', 'zh-TW': 'MFA 認證要素不存在' },
  unsupportedFactor: { 'zh-CN': '模拟器不支持此 MFA 认证要素类型：{factorType}', 'en-US': 'The emulator does not support MFA factor type {factorType}', 'ja-JP': 'エミュレーターは MFA 要素タイプ {factorType} をサポートしていません', 'zh-TW': '模擬器不支援此 MFA 認證要素類型：{factorType}' },
  badCiphertext: {
    'zh-CN': '参数 {field} 无法按 passwordEncryptType {type} 解密：请使用 GET /api/v3/system 返回的 {type} 公钥加密',
    'en-US': 'Parameter {field} could not be decrypted as passwordEncryptType {type}: encrypt it with the {type} public key from GET /api/v3/system',
    'ja-JP': 'パラメータ {field} を passwordEncryptType {type} として復号できません。GET /api/v3/system の {type} 公開鍵で暗号化してください',
    'zh-TW': '參數 {field} 無法按 passwordEncryptType {type} 解密：請使用 GET /api/v3/system 回傳的 {type} 公鑰加密',
  },
};

/** The message for `key` in `lang`, with `{placeholders}` filled. */
export function message(key: MessageKey, lang: Lang, params: Readonly<Record<string, string | number>> = {}): string {
  return catalog[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
