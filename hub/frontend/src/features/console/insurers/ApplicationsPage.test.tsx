import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../../test/axe';
import { operator } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';
import { json, problem } from '../../../test/server';
import { hub } from '../../../test/setup';
import { applications, deferred, serveConsole } from '../testData';

const APPROVAL = '/api/operator/insurers/acme/approval';

async function open() {
  serveConsole({ applications });
  const rendered = renderApp('/console/insurers', operator);
  await screen.findByRole('heading', { level: 1, name: 'Insurer applications (2)' });
  const acme = screen.getByRole('article', { name: 'Acme Health' });
  return { ...rendered, acme };
}

describe('insurer applications', () => {
  it('shows who applied, how DocPort will connect, and where each stands', async () => {
    const { acme } = await open();
    expect(acme).toHaveTextContent('Status: Awaiting approval');
    expect(acme).toHaveTextContent('Insurer IDacme');
    expect(within(acme).getByRole('link', { name: 'onboarding@acme.example' })).toHaveAttribute(
      'href',
      'mailto:onboarding@acme.example',
    );
    expect(acme).toHaveTextContent('Acme Gold (HMO) acme-gold');
    expect(acme).toHaveTextContent('fhir-resthttps://fhir.acme.example/r4Authentication: oauth2');
    expect(acme).toHaveTextContent('https://irdai.gov.in/insurers | IRDAI-123');
    // Secrets are not shown, even masked.
    expect(acme).not.toHaveTextContent('******');
    expect(within(acme).getByRole('button', { name: 'Approve' })).toBeEnabled();

    const zenith = screen.getByRole('article', { name: 'Zenith Care' });
    expect(zenith).toHaveTextContent('Status: Connection test failed');
    expect(zenith).toHaveTextContent(
      'Why the test failed: GET https://api.zenith.example/fhir/metadata answered 503',
    );
    expect(zenith).toHaveTextContent('NetworksNone given');
    expect(within(zenith).queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.getByText('2 applications need you.')).toBeVisible();
    await expectAccessible();
  });

  it('approves an application and shows the next step', async () => {
    const { user, acme } = await open();
    const answer = deferred();
    hub.on('POST', APPROVAL, answer.answer);
    await user.click(within(acme).getByRole('button', { name: 'Approve' }));
    expect(within(acme).getByRole('button', { name: 'Approving…' })).toBeDisabled();
    expect(within(acme).getByRole('button', { name: 'Reject…' })).toBeDisabled();
    expect(hub.sent('POST', APPROVAL)[0]?.body).toEqual({ approved: true });

    hub.on(
      'GET',
      '/api/operator/insurer-applications',
      json([{ ...applications[0], status: 'ISSUING_CREDENTIALS' }, applications[1]]),
    );
    answer.release(json({ step: 'ISSUING_CREDENTIALS' }));
    expect(
      await screen.findByText('You approved Acme Health. Now: Issuing credentials.'),
    ).toBeVisible();
    expect(acme).toHaveTextContent('Status: Issuing credentials');
    expect(within(acme).queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('rejects only with a reason', async () => {
    const { user, acme } = await open();
    await user.click(within(acme).getByRole('button', { name: 'Reject…' }));
    const form = within(acme).getByRole('form', { name: 'Reject Acme Health' });
    const reason = within(form).getByLabelText('Reason for rejecting');
    expect(reason).toHaveFocus();
    await user.click(within(form).getByRole('button', { name: 'Reject application' }));
    expect(reason).toHaveAccessibleDescription(
      'Error: Say why you reject the application. Required. It is kept with the application.',
    );
    expect(hub.sent('POST', APPROVAL)).toHaveLength(0);
    await expectAccessible();

    hub.on('POST', APPROVAL, json({ step: 'REJECTED', reason: 'Not a licensed insurer' }));
    hub.on('GET', '/api/operator/insurer-applications', json(applications.slice(1)));
    await user.type(reason, '  Not a licensed insurer ');
    await user.click(within(form).getByRole('button', { name: 'Reject application' }));
    expect(await screen.findByText('You rejected Acme Health.')).toBeVisible();
    expect(hub.sent('POST', APPROVAL)[0]?.body).toEqual({
      approved: false,
      reason: 'Not a licensed insurer',
    });
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Acme Health' })).toBeNull());
  });

  it("shows the hub's objection to a reason beside it, and cancels back", async () => {
    const { user, acme } = await open();
    hub.on(
      'POST',
      APPROVAL,
      problem(400, {
        detail: 'The decision is not valid.',
        errors: [{ field: 'reason', message: 'size must be between 0 and 500' }],
      }),
    );
    await user.click(within(acme).getByRole('button', { name: 'Reject…' }));
    const reason = within(acme).getByLabelText('Reason for rejecting');
    await user.type(reason, 'Too long');
    await user.click(within(acme).getByRole('button', { name: 'Reject application' }));
    await waitFor(() =>
      expect(reason).toHaveAccessibleDescription(/size must be between 0 and 500/),
    );
    expect(reason).toHaveFocus();

    await user.click(within(acme).getByRole('button', { name: 'Cancel' }));
    expect(within(acme).queryByRole('form')).toBeNull();
    await waitFor(() =>
      expect(within(acme).getByRole('button', { name: 'Reject…' })).toHaveFocus(),
    );
  });

  it('tests a failed connection again', async () => {
    const { user } = await open();
    const zenith = screen.getByRole('article', { name: 'Zenith Care' });
    hub.on(
      'POST',
      '/api/operator/insurers/zenith/connection-test',
      json({ step: 'TESTING_CONNECTION' }),
    );
    await user.click(within(zenith).getByRole('button', { name: 'Test the connection again' }));
    expect(
      await screen.findByText(
        'Testing the connection to Zenith Care again. Now: Testing the connection.',
      ),
    ).toBeVisible();
    expect(hub.sent('POST', '/api/operator/insurers/zenith/connection-test')).toHaveLength(1);
  });

  it("shows the hub's problem when an action fails", async () => {
    const { user } = await open();
    const zenith = screen.getByRole('article', { name: 'Zenith Care' });
    hub.on(
      'POST',
      '/api/operator/insurers/zenith/connection-test',
      problem(409, { detail: 'Zenith Care is not waiting for a connection test.' }),
    );
    await user.click(within(zenith).getByRole('button', { name: 'Test the connection again' }));
    expect(await within(zenith).findByRole('alert')).toHaveTextContent(
      'Zenith Care is not waiting for a connection test.',
    );
  });

  it('says when no application is waiting', async () => {
    serveConsole({ applications: [{ ...applications[0], status: 'LIVE' }] });
    renderApp('/console/insurers', operator);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'No insurer applications are waiting' }),
    ).toBeVisible();
    await expectAccessible();
  });
});
