/** Back-office pages: who is signed in, and whether their role may see the page. */
import type { Role } from "../db/users.ts";
import { identify, mustChangePassword, type AccessEnv, type Identity } from "./admin-auth.ts";

/** The page where a user changes their password (the only one open until they have). */
export const ACCOUNT_PAGE = "/admin/account";

/**
 * The identity for an admin page, or the response to send instead: the sign-in page
 * for nobody, the account page for a user who must first change their password (unless
 * `options.passwordChange`: that page itself), 403 for a role the page is not for. The
 * server refuses such writes anyway; pages only avoid showing forms that would be refused.
 */
export async function adminIdentity(
  db: D1Database,
  env: unknown,
  request: Request,
  roles: readonly Role[],
  options: { passwordChange?: boolean } = {},
): Promise<{ identity: Identity } | { redirect: string } | { forbidden: true }> {
  const identity = await identify(db, env as AccessEnv, request, new Date());
  if (!identity) return { redirect: "/admin/login" };
  if (mustChangePassword(identity) && !options.passwordChange) return { redirect: ACCOUNT_PAGE };
  if (!roles.includes(identity.user.role)) return { forbidden: true };
  return { identity };
}

export const ROLE_NAMES: Record<Role, string> = {
  admin: "系统管理员",
  editor: "编辑",
  clerk: "数据填报员",
};
