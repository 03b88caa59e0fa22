import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { doctor } from '../../test/fixtures';
import { currentPath, renderApp } from '../../test/render';
import { json, problem } from '../../test/server';
import { hub } from '../../test/setup';
import { installFakeXhr } from '../../test/xhr';
import { profile, specialtyList } from '../profile/testData';
import type { Onboarding, Step } from './api';

const licenceDoc = {
  kind: 'LICENCE',
  contentType: 'application/pdf',
  sizeBytes: 245_760,
  sha256: 'ab',
  uploadedAt: '2026-03-02T10:15:00Z',
} as const;
const degreeDoc = { ...licenceDoc, kind: 'DEGREE', contentType: 'image/jpeg' } as const;

function view(step: Step, more: Partial<Onboarding> = {}): Onboarding {
  return {
    step,
    problems: [],
    reviewNotes: [],
    remindersSent: 0,
    updatedAt: '2026-03-02T10:15:00Z',
    documents: [],
    ...more,
  };
}

function serve(onboarding: Onboarding, documents: unknown[] = onboarding.documents ?? []) {
  hub.on('GET', '/api/doctors/d-1/onboarding', json(onboarding));
  hub.on('GET', '/api/doctors/d-1/documents', json(documents));
  hub.on('GET', '/api/doctors/d-1', json(profile, 200, { ETag: '"3"' }));
}

async function open() {
  const rendered = renderApp('/onboarding', doctor);
  await screen.findByRole('heading', { level: 1, name: 'Onboarding' });
  await screen.findByRole('list', { name: 'Onboarding steps' });
  return rendered;
}

function currentStep(): HTMLElement {
  const steps = within(screen.getByRole('list', { name: 'Onboarding steps' })).getAllByRole(
    'listitem',
  );
  const current = steps.filter((step) => step.getAttribute('aria-current') === 'step');
  expect(current).toHaveLength(1);
  return current[0]!;
}

const pdf = (name = 'licence.pdf', size = 1000) =>
  new File([new Uint8Array(size)], name, { type: 'application/pdf' });

describe('onboarding', () => {
  it.each([
    ['DRAFT', 'Documents', 'Current step', 'Current step: Not submitted yet', 'Submit for review'],
    ['CHECKING', 'Checks', 'Current step', 'Current step: Checking your credentials', null],
    ['IN_REVIEW', 'Review', 'Current step', 'Current step: In review', null],
    ['ACTIVE', 'Active', 'Current step', 'Current step: Active', null],
  ] as const)('shows the %s step', async (step, stepName, state, heading, button) => {
    serve(view(step, { documents: [licenceDoc, degreeDoc] }));
    await open();
    expect(currentStep()).toHaveTextContent(`${stepName}${state}`);
    expect(screen.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    if (button) expect(screen.getByRole('button', { name: button })).toBeVisible();
    else expect(screen.queryByRole('button', { name: /Submit/ })).toBeNull();
    if (step === 'ACTIVE') {
      expect(screen.getByText('Congratulations! You are now a DocPort doctor.')).toBeVisible();
      expect(screen.getByText(/Choose the health insurers you want to work with/)).toBeVisible();
    }
    if (step === 'CHECKING' || step === 'IN_REVIEW') {
      expect(screen.getByText(/this page updates by itself/)).toBeVisible();
      // Documents cannot be replaced meanwhile.
      expect(screen.queryByLabelText(/Replace your/)).toBeNull();
    }
    await expectAccessible();
  });

  it('shows what to correct and the review notes', async () => {
    serve(
      view('CORRECTIONS_NEEDED', {
        problems: ['licence KMC-12345: expired on 2026-01-31; renew it'],
        reviewNotes: ['licence KMC-12345: verify it with the licence copy'],
        documents: [licenceDoc, degreeDoc],
      }),
    );
    await open();
    expect(currentStep()).toHaveTextContent('ChecksNeeds corrections');
    expect(
      screen.getByRole('heading', { level: 2, name: 'Current step: Corrections needed' }),
    ).toBeVisible();
    const problems = screen.getByRole('heading', { level: 3, name: 'What to correct' })
      .nextElementSibling as HTMLElement;
    expect(within(problems).getByRole('listitem')).toHaveTextContent(
      'licence KMC-12345: expired on 2026-01-31; renew it',
    );
    const notes = screen.getByRole('heading', { level: 3, name: 'Notes from the review' })
      .nextElementSibling as HTMLElement;
    expect(within(notes).getByRole('listitem')).toHaveTextContent(
      'verify it with the licence copy',
    );
    expect(screen.getByRole('button', { name: 'Submit again' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Edit your profile' })).toHaveAttribute(
      'href',
      '/profile',
    );
    await expectAccessible();
  });

  it('uploads a document with its progress', async () => {
    const Xhr = installFakeXhr();
    serve(view('DRAFT', { documents: [degreeDoc] }));
    const { user } = await open();
    const licence = screen.getByRole('region', { name: 'Medical licence' });
    expect(licence).toHaveTextContent('Not uploaded yet.');
    const input = within(licence).getByLabelText('Choose your medical licence file');
    expect(input).toHaveAccessibleDescription(
      'PDF, PNG or JPEG, at most 5 MB. It uploads as soon as you choose it.',
    );
    const file = pdf();
    await user.upload(input, file);

    const [xhr] = Xhr.sent;
    expect(xhr?.method).toBe('PUT');
    expect(xhr?.url).toBe('/api/doctors/d-1/documents/licence');
    expect(xhr?.body).toBe(file);
    expect(xhr?.headers.get('content-type')).toBe('application/pdf');
    expect(xhr?.headers.get('x-xsrf-token')).toBe('token-1');
    expect(xhr?.headers.get('x-requested-with')).toBe('XMLHttpRequest');
    expect(within(licence).getByRole('status')).toHaveTextContent(
      'Uploading your Medical licence…',
    );
    xhr!.progress(400, 1000);
    const bar = within(licence).getByRole('progressbar', { name: 'Uploading Medical licence' });
    expect(bar).toHaveAttribute('value', '400');
    expect(bar).toHaveAttribute('max', '1000');
    expect(licence).toHaveTextContent('40%');
    await expectAccessible();

    await xhr!.respond(200, { ...licenceDoc, sizeBytes: 1000 });
    await waitFor(() =>
      expect(within(licence).getByRole('status')).toHaveTextContent('Medical licence uploaded.'),
    );
    expect(within(licence).queryByRole('progressbar')).toBeNull();
    expect(licence).toHaveTextContent('Uploaded: PDF, 1000 bytes, on 2 Mar 2026');
    expect(within(licence).getByLabelText('Replace your medical licence file')).toBeEnabled();
  });

  it("shows the hub's reason when it refuses a file", async () => {
    const Xhr = installFakeXhr();
    serve(view('DRAFT'));
    const { user } = await open();
    const degree = screen.getByRole('region', { name: 'Degree certificate' });
    await user.upload(within(degree).getByLabelText('Choose your degree certificate file'), pdf());
    await Xhr.sent[0]!.respond(415, {
      title: 'Document is not a application/pdf',
      status: 415,
      detail: 'The bytes sent are not a application/pdf file; send the file itself, unchanged.',
    });
    expect(await within(degree).findByRole('alert')).toHaveTextContent(
      'The bytes sent are not a application/pdf file',
    );
  });

  it('refuses a wrong type or size before uploading', async () => {
    const Xhr = installFakeXhr();
    serve(view('DRAFT'));
    await open();
    // Past the input's accept list, as a user choosing "All files" can.
    const user = userEvent.setup({ applyAccept: false });
    const licence = screen.getByRole('region', { name: 'Medical licence' });
    const input = within(licence).getByLabelText('Choose your medical licence file');

    await user.upload(
      input,
      new File(['x'], 'cv.docx', {
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }),
    );
    expect(input).toHaveAccessibleDescription(
      'Error: “cv.docx” is not a PDF, PNG or JPEG file. Choose one of those. PDF, PNG or JPEG, at most 5 MB. It uploads as soon as you choose it.',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible();

    await user.upload(input, pdf('scan.pdf', 5 * 1024 * 1024 + 1));
    expect(input).toHaveAccessibleDescription(
      /“scan\.pdf” is 5\.0 MB; a document may be at most 5 MB/,
    );
    expect(Xhr.sent).toHaveLength(0);
  });

  it('submits for review, then follows the checks', async () => {
    serve(view('DRAFT', { documents: [licenceDoc, degreeDoc] }));
    hub.on(
      'POST',
      '/api/doctors/d-1/onboarding/submit',
      json({ step: 'CHECKING', problems: [], reviewNotes: [], remindersSent: 0 }),
    );
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Submit for review' }));
    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Current step: Checking your credentials',
      }),
    ).toBeVisible();
    expect(
      hub.sent('POST', '/api/doctors/d-1/onboarding/submit')[0]?.headers.get('X-XSRF-TOKEN'),
    ).toBe('token-1');
    expect(currentStep()).toHaveTextContent('Checks');

    // The page asks again by itself until the checks are done.
    hub.on('GET', '/api/doctors/d-1/onboarding', json(view('IN_REVIEW')));
    expect(
      await screen.findByRole(
        'heading',
        { level: 2, name: 'Current step: In review' },
        { timeout: 5000 },
      ),
    ).toBeVisible();
    expect(currentStep()).toHaveTextContent('Review');
  });

  it('says what is missing instead of submitting an incomplete profile', async () => {
    serve(view('DRAFT', { documents: [licenceDoc] }));
    const { user } = await open();
    expect(screen.getByRole('heading', { level: 3, name: 'Still missing' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Submit for review' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your profile cannot be submitted yet:');
    expect(alert).toHaveTextContent('Upload your degree certificate.');
    await waitFor(() => expect(alert).toHaveFocus());
    expect(hub.sent('POST', '/api/doctors/d-1/onboarding/submit')).toHaveLength(0);
  });

  it("shows the hub's refusal to submit", async () => {
    serve(view('DRAFT', { documents: [licenceDoc, degreeDoc] }));
    hub.on(
      'POST',
      '/api/doctors/d-1/onboarding/submit',
      problem(409, {
        title: 'Cannot submit',
        detail: 'nothing to submit: the onboarding is CHECKING',
      }),
    );
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Submit for review' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('nothing to submit');
  });

  it('leads a doctor without a profile to create one, then to onboarding', async () => {
    const noProfile = { ...doctor, doctorId: undefined };
    hub.on('GET', '/api/code-lists/specialties', json(specialtyList));
    hub.on('POST', '/api/doctors', (request) => {
      const created = { ...(request.body as object), id: 'd-1', version: 1, active: true };
      return json(created, 201, { ETag: '"1"', Location: '/api/doctors/d-1' });
    });
    const { user, router } = renderApp('/', noProfile);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to DocPort' });
    expect(screen.queryByRole('link', { name: 'Your profile' })).toBeNull();
    await user.click(screen.getByRole('link', { name: 'Create your profile' }));

    await screen.findByRole('heading', { level: 1, name: 'Create your profile' });
    await screen.findByLabelText('Family name');
    await expectAccessible();
    await user.type(screen.getByLabelText('Title'), 'Dr');
    await user.type(screen.getByLabelText('Given names'), 'Anna');
    await user.type(screen.getByLabelText('Family name'), 'Berger');
    const registration = screen.getByRole('group', { name: 'Registration 1' });
    expect(within(registration).getByLabelText('Kind')).toHaveValue('LN');
    await user.type(within(registration).getByLabelText('Number'), 'KMC-12345');
    await user.type(within(registration).getByLabelText('Issued by'), 'Karnataka Medical Council');
    await user.type(
      within(registration).getByLabelText('Register address (URI)'),
      'https://nmc.org.in/registration',
    );
    await user.type(within(registration).getByLabelText('Valid until'), '2030-12-31');
    expect(
      within(screen.getByRole('group', { name: 'Contact 1' })).getByLabelText('Number or address'),
    ).toHaveValue('anna.berger@example.org');
    const location = screen.getByRole('group', { name: 'Practice location 1' });
    await user.type(within(location).getByLabelText('Name of the practice'), 'Berger Clinic');
    await user.type(within(location).getByLabelText('City'), 'Bengaluru');

    hub.on('GET', '/api/session', json(doctor));
    serve(view('DRAFT'));
    await user.click(screen.getByRole('button', { name: 'Create profile' }));

    await screen.findByRole('heading', { level: 1, name: 'Onboarding' });
    expect(currentPath(router)).toBe('/onboarding');
    expect(
      screen.getByText(
        'Your profile is created. Next, upload your documents and submit it for review.',
      ),
    ).toBeVisible();
    const [post] = hub.sent('POST', '/api/doctors');
    expect(post?.body).toEqual({
      name: { prefix: 'Dr', given: ['Anna'], family: 'Berger' },
      identifiers: [
        {
          type: 'LN',
          system: 'https://nmc.org.in/registration',
          value: 'KMC-12345',
          issuer: 'Karnataka Medical Council',
          validTo: '2030-12-31',
        },
      ],
      qualifications: [],
      specialties: [],
      languages: [],
      telecom: [{ system: 'email', value: 'anna.berger@example.org', use: 'work' }],
      locations: [
        { name: 'Berger Clinic', address: { lines: [], city: 'Bengaluru', country: 'IN' } },
      ],
    });
    expect(await screen.findByRole('link', { name: 'Onboarding' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('asks a doctor without a profile to create one first', async () => {
    renderApp('/onboarding', { ...doctor, doctorId: undefined });
    await screen.findByRole('heading', { level: 1, name: 'Onboarding' });
    expect(screen.getByRole('link', { name: 'Create your profile' })).toHaveAttribute(
      'href',
      '/profile',
    );
  });
});
