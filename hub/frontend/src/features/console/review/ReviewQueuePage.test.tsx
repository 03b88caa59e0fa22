import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../../test/axe';
import { operator } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';
import { json, problem } from '../../../test/server';
import { hub } from '../../../test/setup';
import { formatMoment } from '../format';
import {
  ANNA,
  anna,
  deferred,
  degreeJpeg,
  licencePdf,
  queue,
  ravi,
  serveConsole,
  serveDoctor,
} from '../testData';

const REVIEW = `/api/operator/onboarding/${ANNA}/review`;

async function open() {
  serveConsole({ queue });
  serveDoctor(anna, [licencePdf, degreeJpeg]);
  serveDoctor(ravi, [licencePdf]);
  const rendered = renderApp('/console/review', operator);
  await screen.findByRole('heading', { level: 1, name: 'Review queue (2)' });
  const article = await screen.findByRole('article', { name: 'Dr Anna Berger' });
  await within(article).findByRole('button', { name: 'View medical licence' });
  return { ...rendered, article };
}

describe('review queue', () => {
  it('shows each waiting doctor, oldest first, with profile and documents', async () => {
    await open();
    const doctors = screen.getByRole('list', { name: 'Doctors waiting for review, oldest first' });
    const articles = within(doctors).getAllByRole('article');
    expect(articles.map((a) => within(a).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'Dr Anna Berger',
      'Ravi Kumar',
    ]);
    const annaCard = articles[0]!;
    expect(annaCard).toHaveTextContent(`Waiting since ${formatMoment('2026-03-02T10:15:00Z')}`);
    expect(annaCard).toHaveTextContent('1 reminder sent.');
    expect(annaCard).toHaveTextContent('licence KMC-12345: verify it with the licence copy');
    // The licences first, with what the operator must notice.
    expect(annaCard).toHaveTextContent('Medical licence KMC-12345');
    expect(annaCard).toHaveTextContent('Karnataka Medical Council · IN-KA');
    expect(annaCard).toHaveTextContent(/Expires in 30 days/);
    expect(annaCard).toHaveTextContent('Medical registration TMC-777');
    expect(annaCard).toHaveTextContent(/Expired on/);
    expect(annaCard).toHaveTextContent('MBBS (2010) RGUHS');
    expect(annaCard).toHaveTextContent('Family Medicine (207Q00000X)');
    expect(annaCard).toHaveTextContent('Berger Clinic, 12 MG Road, Bengaluru, 560001, IN');
    const documents = within(annaCard).getByRole('region', { name: 'Documents Dr Anna Berger' });
    expect(documents).toHaveTextContent(
      `Medical licencePDF, 240 KB, uploaded ${formatMoment('2026-03-01T09:30:00Z')}`,
    );
    expect(documents).toHaveTextContent('Degree certificateJPEG, 500 KB');

    const raviCard = articles[1]!;
    await waitFor(() => expect(raviCard).toHaveTextContent('Degree certificate Not uploaded'));
    expect(within(raviCard).getByRole('region', { name: 'Profile Ravi Kumar' })).toHaveTextContent(
      'QualificationsNone given',
    );
    await expectAccessible();
  });

  it('shows a document inline: a PDF in a frame, an image as an image', async () => {
    const { user, article } = await open();
    const view = within(article).getByRole('button', { name: 'View medical licence' });
    expect(view).toHaveAttribute('aria-expanded', 'false');
    expect(article.querySelector('iframe')).toBeNull();

    await user.click(view);
    expect(view).toHaveAttribute('aria-expanded', 'true');
    const frame = within(article).getByTitle('Medical licence of Dr Anna Berger');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame).toHaveAttribute('src', `/api/doctors/${ANNA}/documents/licence`);
    const newTab = within(article).getByRole('link', {
      name: 'Open in a new tab (Medical licence of Dr Anna Berger)',
    });
    expect(newTab).toHaveAttribute('href', `/api/doctors/${ANNA}/documents/licence`);
    expect(newTab).toHaveAttribute('target', '_blank');
    expect(newTab).toHaveAttribute('rel', 'noopener');

    await user.click(within(article).getByRole('button', { name: 'View degree certificate' }));
    expect(
      within(article).getByRole('img', { name: 'Degree certificate of Dr Anna Berger' }),
    ).toHaveAttribute('src', `/api/doctors/${ANNA}/documents/degree`);
    expect(article.querySelectorAll('iframe')).toHaveLength(1);

    await user.click(view);
    expect(article.querySelector('iframe')).toBeNull();
    // axe-core cannot enter a frame in jsdom; the frame's title is checked above.
    await expectAccessible();
  });

  it('approves a doctor, who then leaves the queue', async () => {
    const { user, article } = await open();
    const answer = deferred();
    hub.on('POST', REVIEW, answer.answer);
    await user.click(within(article).getByRole('button', { name: 'Approve' }));

    // No second click while the first is on its way.
    expect(within(article).getByRole('button', { name: 'Approving…' })).toBeDisabled();
    expect(within(article).getByRole('button', { name: 'Send back' })).toBeDisabled();
    const [sent] = hub.sent('POST', REVIEW);
    expect(sent?.body).toEqual({ approved: true, reasons: [] });
    expect(sent?.headers.get('X-XSRF-TOKEN')).toBe('token-1');

    hub.on('GET', '/api/operator/onboarding/review-queue', json(queue.slice(1)));
    answer.release(json({ step: 'ACTIVE', problems: [], reviewNotes: [], remindersSent: 1 }));
    const notice = await screen.findByText(
      'You approved Dr Anna Berger. Their onboarding is complete.',
    );
    expect(screen.queryByRole('article', { name: 'Dr Anna Berger' })).toBeNull();
    expect(notice.parentElement).toHaveFocus();
    expect(screen.getByRole('heading', { level: 1, name: 'Review queue (1)' })).toBeVisible();
    expect(hub.sent('POST', REVIEW)).toHaveLength(1);
  });

  it('sends a doctor back with reasons, checked before sending', async () => {
    const { user, article } = await open();
    hub.on('POST', REVIEW, json({ step: 'CORRECTIONS_NEEDED', problems: [], reviewNotes: [] }));
    await user.click(within(article).getByRole('button', { name: 'Send back' }));
    const form = within(article).getByRole('form', {
      name: 'Send Dr Anna Berger back for corrections',
    });
    await user.click(within(form).getByRole('button', { name: 'Send back to the doctor' }));
    const first = within(form).getByLabelText('Reason 1');
    expect(first).toHaveAccessibleDescription('Error: Enter the reason, or remove it.');
    expect(first).toHaveFocus();
    expect(hub.sent('POST', REVIEW)).toHaveLength(0);

    await user.type(first, 'The licence copy is unreadable; upload a sharper scan. ');
    await user.click(within(form).getByRole('button', { name: 'Add another reason' }));
    await user.type(within(form).getByLabelText('Reason 2'), 'Licence TMC-777 has expired.');
    await user.click(within(form).getByRole('button', { name: 'Add another reason' }));
    await user.click(within(form).getByRole('button', { name: 'Remove reason 3' }));
    await waitFor(() => expect(within(form).getByLabelText('Reason 2')).toHaveFocus());
    await expectAccessible();

    hub.on('GET', '/api/operator/onboarding/review-queue', json(queue.slice(1)));
    await user.click(within(form).getByRole('button', { name: 'Send back to the doctor' }));
    expect(await screen.findByText('You sent Dr Anna Berger back with 2 reasons.')).toBeVisible();
    expect(hub.sent('POST', REVIEW)[0]?.body).toEqual({
      approved: false,
      reasons: [
        'The licence copy is unreadable; upload a sharper scan.',
        'Licence TMC-777 has expired.',
      ],
    });
    expect(screen.queryByRole('article', { name: 'Dr Anna Berger' })).toBeNull();
  });

  it("shows the hub's objection to a reason beside it", async () => {
    const { user, article } = await open();
    hub.on(
      'POST',
      REVIEW,
      problem(400, {
        title: 'Bad Request',
        detail: 'The review is not valid.',
        errors: [{ field: 'reasons[1]', message: 'must not contain a web address' }],
      }),
    );
    await user.click(within(article).getByRole('button', { name: 'Send back' }));
    await user.type(within(article).getByLabelText('Reason 1'), 'Upload a sharper scan.');
    await user.click(within(article).getByRole('button', { name: 'Add another reason' }));
    await user.type(within(article).getByLabelText('Reason 2'), 'See https://example.org');
    await user.click(within(article).getByRole('button', { name: 'Send back to the doctor' }));

    const second = within(article).getByLabelText('Reason 2');
    await waitFor(() =>
      expect(second).toHaveAccessibleDescription('Error: must not contain a web address'),
    );
    expect(second).toHaveAttribute('aria-invalid', 'true');
    expect(second).toHaveFocus();
    expect(within(article).getByRole('alert')).toHaveTextContent('The review is not valid.');
    // Still there, to correct and send again.
    expect(screen.getByRole('article', { name: 'Dr Anna Berger' })).toBeVisible();
  });

  it('says why a decision failed and offers to reload the queue', async () => {
    const { user, article } = await open();
    hub.on(
      'POST',
      REVIEW,
      problem(409, {
        title: 'Conflict',
        detail: 'Dr Anna Berger is not in review any more: another operator decided.',
      }),
    );
    await user.click(within(article).getByRole('button', { name: 'Approve' }));
    const alert = await within(article).findByRole('alert');
    expect(alert).toHaveTextContent('another operator decided');
    expect(within(article).getByRole('button', { name: 'Approve' })).toBeEnabled();

    hub.on('GET', '/api/operator/onboarding/review-queue', json(queue.slice(1)));
    await user.click(within(alert).getByRole('button', { name: 'Reload the queue' }));
    await waitFor(() =>
      expect(screen.queryByRole('article', { name: 'Dr Anna Berger' })).toBeNull(),
    );
    expect(screen.getByRole('article', { name: 'Ravi Kumar' })).toBeVisible();
  });

  it('shows ten doctors at a time', async () => {
    const many = Array.from({ length: 12 }, (_, i) => {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      serveDoctor({ ...ravi, id, name: { given: ['Doctor'], family: `Number ${i + 1}` } }, []);
      return { ...queue[1], doctorId: id, familyName: `Number ${i + 1}` };
    });
    serveConsole({ queue: many });
    const { user } = renderApp('/console/review', operator);
    await screen.findByRole('heading', { level: 1, name: 'Review queue (12)' });
    expect(screen.getAllByRole('article')).toHaveLength(10);
    expect(hub.requests.filter((r) => r.path.endsWith('/documents'))).toHaveLength(10);

    await user.click(screen.getByRole('button', { name: 'Show 2 more doctors (2 not shown)' }));
    expect(screen.getAllByRole('article')).toHaveLength(12);
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2, name: /Number 11/ })).toHaveFocus(),
    );
    expect(screen.queryByRole('button', { name: /Show .* more/ })).toBeNull();
  });

  it('says when nobody is waiting', async () => {
    serveConsole({ queue: [] });
    renderApp('/console/review', operator);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Nobody is waiting for review' }),
    ).toBeVisible();
    expect(screen.getByRole('heading', { level: 1, name: 'Review queue (0)' })).toBeVisible();
    expect(screen.getByText(/looks for new ones every 30 seconds/)).toBeVisible();
    await expectAccessible();
  });

  it("shows the hub's problem when the queue cannot be read", async () => {
    serveConsole();
    hub.on(
      'GET',
      '/api/operator/onboarding/review-queue',
      problem(503, { title: 'Service Unavailable', detail: 'The workflow service is starting.' }),
    );
    const { user } = renderApp('/console/review', operator);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The workflow service is starting.');
    hub.on('GET', '/api/operator/onboarding/review-queue', json([]));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Nobody is waiting for review')).toBeVisible();
  });
});
