import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { HAS_CHROMIUM, launchBrowser, signInAs as signInAsIn } from '../support/browser';
import { createStaff, TEST_PASSWORD } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

// Wide enough that the grid renders every column, the actions too.
const signInAs = (browser: Browser, url: string, username: string, password = DEMO_PASSWORD) =>
  signInAsIn(browser, url, username, { password, context: { viewport: { width: 1600, height: 900 } } });

const NEW_USER = 'wang.fang';
const NEW_PASSWORD = 'Lantern-Orchid-42';

describe.skipIf(!HAS_CHROMIUM)('staff administration (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
    // The second admin dual control needs.
    await createStaff(server.db, [{ username: 'admin.two', role: 'admin' }]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const userRow = (username: string) =>
    server.db
      .selectFrom('users')
      .select(['id', 'role', 'display_name', 'disabled_at'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();

  it('only an admin is offered the staff page', async () => {
    const lead = await signInAs(browser, server.url, 'lead');
    expect(await lead.getByRole('link', { name: '队列管理' }).count()).toBe(1);
    expect(await lead.getByRole('link', { name: '员工管理' }).count()).toBe(0);
    await lead.goto(`${server.url}/admin/staff`);
    await lead.getByText('只有管理员可以管理员工').waitFor();
    await lead.context().close();
  }, 60_000);

  it('the admin creates a member, changes their role, disables them, resets their password, and cannot act on their own row', async () => {
    const admin = await signInAs(browser, server.url, 'admin');
    await admin.getByRole('link', { name: '员工管理' }).click();
    await admin.getByRole('heading', { name: '员工管理' }).waitFor();
    const gridRow = async (username: string) =>
      admin.locator(`.MuiDataGrid-row[data-id="${(await userRow(username)).id}"]`);

    // Their own row: marked, role locked, no actions.
    const own = await gridRow('admin');
    await own.getByText('本人').waitFor();
    expect(await own.getByRole('combobox', { name: 'admin 的角色' }).getAttribute('aria-disabled')).toBe('true');
    expect(await own.getByRole('button').count()).toBe(0);
    // Going round the UI gets the server's refusal, which the desk translates.
    const selfChange = await admin.evaluate(
      async (userId) => {
        const r = await fetch('/trpc/users.setRole', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-verdict-csrf': '1' },
          body: JSON.stringify({ userId, role: 'auditor' }),
        });
        return r.json();
      },
      (await userRow('admin')).id,
    );
    expect(selfChange).toMatchObject({ error: { data: { code: 'FORBIDDEN', reason: 'own_account' } } });

    // Create: a short password is caught before it is sent, then a good one goes through.
    await admin.getByRole('button', { name: '新增员工' }).click();
    const create = admin.getByRole('dialog', { name: '新增员工' });
    await create.getByLabel(/^用户名/).fill(NEW_USER);
    await create.getByLabel(/^姓名/).fill('王芳');
    await create.getByLabel(/^密码/).fill('short');
    await create.getByLabel(/^再次输入密码/).fill('short');
    await create.getByRole('button', { name: '创建' }).click();
    await create.getByText('密码至少需要 10 个字符').waitFor();
    await create.getByLabel(/^密码/).fill(NEW_PASSWORD);
    await create.getByLabel(/^再次输入密码/).fill(NEW_PASSWORD);
    await create.getByRole('button', { name: '创建' }).click();
    await admin.getByTestId('staff-notice').filter({ hasText: '已创建员工 王芳' }).waitFor();
    expect(await userRow(NEW_USER)).toMatchObject({ role: 'reviewer', display_name: '王芳', disabled_at: null });
    const row = await gridRow(NEW_USER);
    await row.getByText('从未登录').waitFor();

    // Change the role with the row's select: only after a confirm, with a message when done.
    await row.getByRole('combobox', { name: `${NEW_USER} 的角色` }).click();
    await admin.getByRole('option', { name: '资深审核员' }).click();
    const confirmRole = admin.getByRole('dialog', { name: '更改 王芳 的角色？' });
    await confirmRole.getByText('王芳 的角色将从审核员改为资深审核员').waitFor();
    expect((await userRow(NEW_USER)).role).toBe('reviewer');
    await confirmRole.getByRole('button', { name: '取消' }).click();
    await confirmRole.waitFor({ state: 'detached' });
    expect((await userRow(NEW_USER)).role).toBe('reviewer');
    await row.getByRole('combobox', { name: `${NEW_USER} 的角色` }).click();
    await admin.getByRole('option', { name: '资深审核员' }).click();
    await confirmRole.getByRole('button', { name: '更改角色' }).click();
    await confirmRole.waitFor({ state: 'detached' });
    // Dual control: a senior reviewer is granted only when a second admin approves.
    await admin.getByTestId('staff-notice').filter({ hasText: '已申请将 王芳 的角色改为资深审核员' }).waitFor();
    await admin.getByTestId('pending-grants').getByText('你提出的申请，需另一名管理员批准').waitFor();
    expect((await userRow(NEW_USER)).role).toBe('reviewer');
    const second = await signInAs(browser, server.url, 'admin.two', TEST_PASSWORD);
    await second.goto(`${server.url}/admin/staff`);
    const grants = second.getByTestId('pending-grants');
    await grants.getByText('将 王芳 的角色改为资深审核员').waitFor();
    await grants.getByRole('button', { name: '批准' }).click();
    await second.getByTestId('staff-notice').filter({ hasText: '已批准：王芳，资深审核员' }).waitFor();
    expect((await userRow(NEW_USER)).role).toBe('senior_reviewer');
    await second.context().close();
    await admin.reload();
    await admin.getByRole('heading', { name: '员工管理' }).waitFor();
    expect(await admin.getByTestId('pending-grants').count()).toBe(0);

    // Disable, after a confirm.
    await row.getByRole('button', { name: '停用' }).click();
    await admin.getByRole('dialog', { name: '停用 王芳？' }).getByRole('button', { name: '停用' }).click();
    await row.getByText('已停用').waitFor();
    expect((await userRow(NEW_USER)).disabled_at).not.toBeNull();

    // Reset the password: a common one is refused with the translated reason, the dialog stays.
    await row.getByRole('button', { name: '重置密码' }).click();
    const reset = admin.getByRole('dialog', { name: '重置 王芳 的密码' });
    await reset.getByLabel(/^新密码/).fill('password2024!');
    await reset.getByLabel(/^再次输入密码/).fill('password2024!');
    await reset.getByRole('button', { name: '保存' }).click();
    await reset.getByText('该密码过于常见，请换一个').waitFor();
    const fresh = 'Quiet-Harbour-1987';
    await reset.getByLabel(/^新密码/).fill(fresh);
    await reset.getByLabel(/^再次输入密码/).fill(fresh);
    await reset.getByRole('button', { name: '保存' }).click();
    await admin.getByTestId('staff-notice').filter({ hasText: '已重置 王芳 的密码' }).waitFor();
    expect(await reset.count()).toBe(0);

    // Enabled again, they sign in with the new password and have the new role's pages.
    await row.getByRole('button', { name: '启用' }).click();
    await admin.getByRole('dialog', { name: '启用 王芳？' }).getByRole('button', { name: '启用' }).click();
    await row.getByText('在用').waitFor();
    const member = await signInAs(browser, server.url, NEW_USER, fresh);
    await member.getByRole('link', { name: '复核审批' }).waitFor();
    expect(await member.getByRole('link', { name: '员工管理' }).count()).toBe(0);
    await member.context().close();

    // Their last sign-in now shows on the admin's list.
    await admin.reload();
    await (await gridRow(NEW_USER))
      .getByText(/UTC\+8/)
      .first()
      .waitFor();
    expect(await (await gridRow(NEW_USER)).getByText('从未登录').count()).toBe(0);
  }, 180_000);

  it('signing out everywhere from the user menu ends the sessions in other browsers too', async () => {
    const here = await signInAs(browser, server.url, 'reviewer');
    const elsewhere = await signInAs(browser, server.url, 'reviewer');
    await here.getByTestId('user-menu').click();
    await here.getByRole('menuitem', { name: '在所有设备上退出' }).click();
    // Cancelling keeps everyone signed in.
    await here.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await here.getByRole('heading', { name: '案件队列' }).waitFor();
    await here.getByTestId('user-menu').click();
    await here.getByRole('menuitem', { name: '在所有设备上退出' }).click();
    await here.getByRole('dialog').getByRole('button', { name: '全部退出' }).click();
    await here.getByRole('button', { name: '登录' }).waitFor();
    await elsewhere.reload();
    await elsewhere.getByRole('button', { name: '登录' }).waitFor();
    await here.context().close();
    await elsewhere.context().close();
  }, 60_000);
});
