import type { Messages } from '../../i18n/messages';

/** Texts of signing in and changing the password. */
export const authMessages = {
  'auth.username': ['用户名', 'Username'],
  'auth.password': ['密码', 'Password'],
  'auth.login': ['登录', 'Sign in'],
  'auth.loginSubtitle': ['县域重点项目全流程调度', 'County key-project dispatch, end to end'],
  'auth.usernameRequired': ['请输入用户名', 'Please enter your username'],
  'auth.passwordRequired': ['请输入密码', 'Please enter your password'],
  'auth.logout': ['退出登录', 'Sign out'],
  'auth.changePassword': ['修改密码', 'Change password'],
  'auth.mustChangePassword': ['首次登录或密码已过期，请先修改密码。', 'Please change your password before continuing.'],
  'auth.oldPassword': ['原密码', 'Current password'],
  'auth.newPassword': ['新密码', 'New password'],
  'auth.confirmPassword': ['确认新密码', 'Confirm new password'],
  'auth.passwordMismatch': ['两次输入的新密码不一致', 'The two new passwords differ'],
  'auth.passwordRule': ['至少8位，且须包含大写字母、小写字母、数字和符号中的三类', 'At least 8 characters from three of: upper case, lower case, digits, symbols'],
  'auth.passwordChanged': ['密码已修改', 'Password changed'],
  'auth.passwordExpiresSoon': ['您的密码将在 {n} 天后过期，请及时修改。', 'Your password expires in {n} days; please change it.'],
  'auth.loggedOut': ['已退出登录', 'Signed out'],
  'auth.sessionExpired': ['登录已过期，请重新登录', 'Session expired, please sign in again'],
} as const satisfies Messages;

declare module '../../i18n/messages' {
  interface FeatureMessages {
    auth: typeof authMessages;
  }
}
