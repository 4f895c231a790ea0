import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { E2E_DATABASE_URL_FILE } from './database-url';
import { demoEmail, readLatestEmail, signIn } from './helpers';
import { expect as baseExpect, test, type Browser, type Page } from './fixtures';

// Issue 14's "done when", end to end: a need written in Ukrainian reads in Japanese for a
// Japanese company (translation marked, the original one click away); a Japanese interest note
// reads in Ukrainian for the hromada; the hromada welcomes the interest; after the introduction
// the two sides exchange messages, each in their own language, each reading the other's through a
// translation (by its author's side, or a facilitator), and each hears of a message by email in
// their own language.

// Every step is a server round trip and a re-render: allow for a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });

const HROMADA = demoEmail('hromada-vinnytsia');
const COMPANY = demoEmail('company-21');

async function personIn(browser: Browser, email: string, locale: 'ja' | 'uk'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, undefined, locale);
  return page;
}

/** Opens the folded "Translations" editor of a part of the page and saves one translation. */
async function translate(scope: ReturnType<Page['locator']>, summary: string, form: string, text: string, save: string, saved: string) {
  const editor = scope.locator(`[data-translation-form="${form}"]`);
  if (!(await editor.isVisible())) await scope.getByText(summary, { exact: true }).click();
  await editor.locator('textarea, input[type="text"], input:not([type])').first().fill(text);
  await editor.getByRole('button', { name: save }).click();
  await expect(editor.getByText(saved)).toBeVisible();
}

/** The introduction of the company to the need, made straight in the e2e database (the facilitator's introducing is journeys.spec's). */
async function introduce(needId: string): Promise<string> {
  const client = new Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, 'utf8').trim() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`
      INSERT INTO "Introduction" (id, "needId", "companyId", "introducedById", message)
      SELECT gen_random_uuid(), $1::uuid, c."companyId", f.id, ''
      FROM "User" c, "User" f WHERE c.email = $2 AND f.email = $3
      RETURNING id`, [needId, COMPANY, demoEmail('facilitator')]);
    return rows[0].id;
  } finally {
    await client.end();
  }
}

test('a Ukrainian need and a Japanese note cross languages; the hromada welcomes the interest; after the introduction both sides talk, each in their own language', async ({ page, browser }) => {
  test.setTimeout(360_000);
  const mark = randomUUID().slice(0, 8);
  const title = `Мобільна водоочисна станція ${mark}`;
  const titleJa = `移動式浄水設備 ${mark}`;
  const description = 'Мобільна станція очищення води для лікарні на 300 ліжок під час відключень водопостачання.';
  const descriptionJa = '断水時に300床の病院で使う移動式の浄水設備。';

  // (a) The hromada writes its need in Ukrainian, publishes it and adds its own Japanese translation.
  await signIn(page, HROMADA, undefined, 'uk');
  await page.goto('/uk/municipality/needs/new');
  await page.getByLabel('Назва').fill(title);
  await page.getByLabel('Опис').fill(description);
  await expect(page.getByLabel('Мова тексту')).toHaveValue('uk');
  await page.getByLabel('Сектор').selectOption('WATER_SANITATION');
  await page.getByRole('radio', { name: /^Швидке відновлення/ }).check();
  await page.getByLabel('Терміновість').selectOption('HIGH');
  await page.getByLabel('Фінансування').selectOption('DONOR_GRANT');
  await page.getByLabel('Закупівля').selectOption('NONE');
  await page.getByRole('button', { name: 'Зберегти чернетку' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const needPath = new URL(page.url()).pathname.replace(/^\/uk/, '');
  const needId = needPath.split('/').at(-1)!;
  await page.getByRole('button', { name: 'Опублікувати' }).click();
  await expect(page.locator('.need-place .badge').last()).toHaveText('Відкрита');
  const main = page.locator('main');
  await translate(main, 'Переклади', 'title:ja', titleJa, 'Зберегти переклад', 'Переклад збережено.');
  await translate(main, 'Переклади', 'description:ja', descriptionJa, 'Зберегти переклад', 'Переклад збережено.');

  // A Japanese company reads it in Japanese, marked as the author's translation; the original is one click away.
  const company = await personIn(browser, COMPANY, 'ja');
  await company.goto(`/ja${needPath}`);
  const heading = company.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(titleJa);
  await expect(heading).toHaveAttribute('lang', 'ja');
  await expect(company.getByText('投稿者による翻訳（原文はウクライナ語）').first()).toBeVisible();
  await expect(company.getByText(descriptionJa)).toBeVisible();
  await company.getByRole('button', { name: '原文を表示' }).first().click();
  await expect(heading).toHaveText(title);
  await expect(heading).toHaveAttribute('lang', 'uk');

  // (b) The company registers interest with a note in Japanese, and translates it into Ukrainian itself.
  const note = `浄水設備を2週間で納入できます。${mark}`;
  const noteUk = `Можемо поставити станцію очищення води за два тижні. ${mark}`;
  await company.getByLabel('フロマーダへのメモ').fill(note);
  await expect(company.getByLabel('記入言語')).toHaveValue('ja');
  await company.getByRole('button', { name: '関心を表明する' }).click();
  await expect(company.getByText('関心を表明しました。', { exact: true })).toBeVisible();
  await page.reload();
  const interested = page.getByTestId('interested-company').filter({ hasText: note });
  await expect(interested).toContainText('Ще не перекладено — написано японською');
  await company.reload();
  await translate(company.locator('main'), '翻訳', 'note:uk', noteUk, '翻訳を保存', '翻訳を保存しました。');
  await page.reload();
  const item = page.getByTestId('interested-company').filter({ hasText: mark });
  await expect(item).toContainText(noteUk);
  await expect(item).toContainText('Переклад автора з японської');
  await item.getByRole('button', { name: 'Показати оригінал' }).click();
  await expect(item).toContainText(note);

  // (c) The hromada welcomes the interest; the company reads the answer, and is emailed in Japanese.
  await expect(item.getByRole('radio', { name: 'Схвалити' })).toBeChecked();
  await item.getByRole('button', { name: 'Надіслати відповідь' }).click();
  await expect(item.getByTestId('interest-answer')).toContainText('Схвалено');
  await company.reload();
  await expect(company.getByTestId('interest-answer')).toHaveText('フロマーダはご関心を歓迎しています。');
  expect((await readLatestEmail(COMPANY, 'notice:interestAnswered')).subject).toContain('へのご関心を歓迎しています');

  // (d) After the introduction: the company sees the hromada's contacts and writes in Japanese.
  const introductionId = await introduce(needId);
  await company.goto(`/ja/introductions/${introductionId}`);
  await expect(company.getByTestId('hromada-contacts')).toContainText(HROMADA);
  const question = `来週、オンラインで打ち合わせできますか。${mark}`;
  const questionUk = `Чи можемо ми провести онлайн-зустріч наступного тижня? ${mark}`;
  const companyForm = company.getByTestId('message-form');
  await companyForm.getByLabel('メッセージ').fill(question);
  await expect(companyForm.getByLabel('記入言語')).toHaveValue('ja');
  await companyForm.getByRole('button', { name: '送信' }).click();
  await expect(company.getByTestId('message').filter({ hasText: question })).toBeVisible();
  // The hromada is told by email, in Ukrainian.
  expect((await readLatestEmail(HROMADA, 'notice:introductionMessage')).subject).toContain('Нове повідомлення щодо потреби');

  // The hromada reads it as written until the company adds its Ukrainian translation.
  await page.goto(`/uk/introductions/${introductionId}`);
  await expect(page.getByTestId('message').filter({ hasText: question })).toContainText('Ще не перекладено — написано японською');
  await translate(company.getByTestId('message').first(), '翻訳', 'body:uk', questionUk, '翻訳を保存', '翻訳を保存しました。');
  await page.reload();
  const received = page.getByTestId('message').first();
  await expect(received).toContainText(questionUk);
  await expect(received).toContainText('Переклад автора з японської');
  await expect(received.locator('[lang="uk"]').filter({ hasText: questionUk })).toBeVisible();

  // The hromada answers in Ukrainian; the company is emailed in Japanese; a facilitator translates it.
  const reply = `Так, у вівторок о 10:00 за київським часом. ${mark}`;
  const replyJa = `はい、火曜日のキーウ時間10時にお願いします。${mark}`;
  const hromadaForm = page.getByTestId('message-form');
  await hromadaForm.getByLabel('Повідомлення').fill(reply);
  await expect(hromadaForm.getByLabel('Мова тексту')).toHaveValue('uk');
  await hromadaForm.getByRole('button', { name: 'Надіслати' }).click();
  await expect(page.getByTestId('message').filter({ hasText: reply })).toBeVisible();
  expect((await readLatestEmail(COMPANY, 'notice:introductionMessage')).subject).toContain('から新しいメッセージ');

  const facilitator = await personIn(browser, demoEmail('facilitator'), 'ja');
  await facilitator.goto(`/ja/introductions/${introductionId}`);
  await translate(facilitator.getByTestId('message').nth(1), '翻訳', 'body:ja', replyJa, '翻訳を保存', '翻訳を保存しました。');
  await company.reload();
  const answer = company.getByTestId('message').nth(1);
  await expect(answer).toContainText(replyJa);
  await expect(answer).toContainText('ファシリテーターによる翻訳（原文はウクライナ語）');
  await answer.getByRole('button', { name: '原文を表示' }).click();
  await expect(answer).toContainText(reply);
});
