import { describe, expect, it } from 'vitest';
import {
  emptyEvidence,
  emptyReportForm,
  formProblems,
  newExternalId,
  rulesOf,
  toReportInput,
  withPlatform,
} from '../../../client/features/intake/reportForm';
import { reportSubmitInput } from '../../../shared/api/intake';

const filled = () => ({
  ...emptyReportForm(),
  subjectId: ' shop-9 ',
  summary: '买家来电：店铺疑似刷单。',
});

describe('the desk intake form', () => {
  it('refuses what reports.submit refuses, naming the field as the server would', () => {
    expect(formProblems(emptyReportForm())).toEqual({ 'subject.id': 'required', summary: 'required' });
    const long = { ...filled(), summary: '长'.repeat(2001) };
    expect(formProblems(long)).toEqual({ summary: 'tooLong' });
    const badUrl = { ...filled(), evidence: [{ ...emptyEvidence(), title: '截图', url: 'javascript:alert(1)' }] };
    expect(formProblems(badUrl)).toEqual({ 'evidence.0.url': 'invalid' });
    const untitled = { ...filled(), evidence: [emptyEvidence()] };
    expect(formProblems(untitled)).toEqual({ 'evidence.0.title': 'required' });
    expect(formProblems(filled())).toEqual({});
  });

  it('sends trimmed values and leaves blank optional fields out', () => {
    const input = toReportInput(
      { ...filled(), subjectName: '  ', evidence: [{ ...emptyEvidence(), title: ' 聊天 ', text: '  ' }] },
      'desk-1',
    );
    expect(input).toEqual({
      externalId: 'desk-1',
      source: 'user_report',
      subject: { id: 'shop-9', kind: 'merchant', name: undefined, platform: 'taobao' },
      rule: 'member-rights-abuse',
      summary: '买家来电：店铺疑似刷单。',
      reporterId: undefined,
      evidence: [{ kind: 'text', title: '聊天', text: undefined, url: undefined }],
    });
    expect(reportSubmitInput.safeParse(input).success).toBe(true);
  });

  it("offers only the platform's own rules, and keeps the chosen rule when the platform has it", () => {
    expect(rulesOf('kuaishou')).toEqual(['unfair-competition']);
    expect(rulesOf('xianyu')).toEqual(['xianyu-general', 'xianyu-serious', 'xianyu-major']);
    expect(rulesOf('taobao')).not.toContain('unfair-competition');
    const kuaishou = withPlatform({ ...filled(), rule: 'counterfeit' }, 'kuaishou');
    expect(kuaishou).toMatchObject({ platform: 'kuaishou', rule: 'unfair-competition' });
    expect(formProblems(kuaishou)).toEqual({});
    expect(withPlatform({ ...filled(), rule: 'counterfeit' }, 'taobao').rule).toBe('counterfeit');
  });

  it('gives each new report its own idempotency key', () => {
    const a = newExternalId();
    expect(a).toMatch(/^desk-[0-9a-f-]{36}$/);
    expect(newExternalId()).not.toBe(a);
  });
});
