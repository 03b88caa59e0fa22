import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { doctor, operator } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { json, problem } from '../../test/server';
import { hub } from '../../test/setup';
import type { Doctor } from './model';
import { NUCC, profile, specialtyList } from './testData';

function serveProfile(current: Doctor = profile) {
  hub.on('GET', '/api/doctors/d-1', () =>
    json(current, 200, { ETag: `"${current.version ?? 0}"` }),
  );
  hub.on('GET', '/api/code-lists/specialties', json(specialtyList));
}

async function openProfile() {
  const view = renderApp('/profile', doctor);
  await screen.findByRole('heading', { level: 1, name: 'Your profile' });
  await screen.findByLabelText('Family name');
  return view;
}

const group = (name: string) => screen.getByRole('group', { name });

describe('profile', () => {
  it('loads the profile, with expiry warnings on licences', async () => {
    serveProfile();
    await openProfile();
    expect(screen.getByLabelText('Family name')).toHaveValue('Berger');
    expect(screen.getByLabelText('Given names')).toHaveValue('Anna');
    expect(screen.getByLabelText('Gender')).toHaveValue('female');
    expect(screen.getByRole('link', { name: 'Profile' })).toHaveAttribute('aria-current', 'page');

    const first = group('Registration 1');
    expect(within(first).getByLabelText('Valid until')).toHaveAccessibleDescription(
      /^Expires on .*, in 30 days\. Renew it soon\.$/,
    );
    const second = group('Registration 2');
    expect(within(second).getByLabelText('Valid until')).toHaveAccessibleDescription(
      'Expired on 31 Jan 2020. Renew it and enter the new date.',
    );
    expect(within(second).getByText(/Expired on/)).toHaveClass('expiry--expired');

    const chips = screen.getByRole('list', { name: 'Your specialties' });
    expect(chips).toHaveTextContent('Family Medicine (207Q00000X)');
    expect(screen.getByRole('checkbox', { name: 'English' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Kannada' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Hindi' })).not.toBeChecked();
    expect(within(group('Practice location 1')).getByLabelText('City')).toHaveValue('Bengaluru');
    await expectAccessible();
  });

  it('saves changes with If-Match, keeping what the form does not show', async () => {
    serveProfile();
    hub.on('PUT', '/api/doctors/d-1', (request) =>
      json({ ...(request.body as Doctor), version: 4 }, 200, { ETag: '"4"' }),
    );
    const { user } = await openProfile();

    await user.clear(screen.getByLabelText('Family name'));
    await user.type(screen.getByLabelText('Family name'), 'Berger-Rao');
    await user.click(screen.getByRole('checkbox', { name: 'Hindi' }));
    await user.type(screen.getByLabelText('Another language'), 'pt-BR');
    await user.click(screen.getByRole('button', { name: 'Add language' }));
    expect(screen.getByRole('list', { name: 'Other languages' })).toHaveTextContent(
      'Brazilian Portuguese (pt-BR)',
    );
    await user.click(screen.getByRole('button', { name: 'Add a practice location' }));
    const second = group('Practice location 2');
    await user.type(within(second).getByLabelText('Name of the practice'), 'Rao Clinic');
    await user.type(within(second).getByLabelText('Street address'), '4 Anna Salai{Enter}Floor 2');
    await user.type(within(second).getByLabelText('City'), 'Chennai');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Your profile is saved.')).toBeVisible();
    const [put] = hub.sent('PUT', '/api/doctors/d-1');
    expect(put?.headers.get('If-Match')).toBe('"3"');
    expect(put?.headers.get('X-XSRF-TOKEN')).toBe('token-1');
    const sent = put?.body as Doctor;
    expect(sent.name).toEqual({ prefix: 'Dr', given: ['Anna'], family: 'Berger-Rao' });
    expect(sent.languages).toEqual(['en', 'kn', 'hi', 'pt-BR']);
    expect(sent.affiliations).toEqual([{ name: 'City Hospital' }]);
    expect(sent.locations?.[0]?.id).toBe('loc-1');
    expect(sent.locations?.[1]).toEqual({
      name: 'Rao Clinic',
      address: { lines: ['4 Anna Salai', 'Floor 2'], city: 'Chennai', country: 'IN' },
    });
    expect(sent.qualifications).toEqual([
      { degree: { display: 'MBBS' }, issuer: 'RGUHS', year: 2010 },
    ]);

    // The next save sends the new ETag.
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(hub.sent('PUT', '/api/doctors/d-1')).toHaveLength(2));
    expect(hub.sent('PUT', '/api/doctors/d-1')[1]?.headers.get('If-Match')).toBe('"4"');
  });

  it('checks the obvious rules before sending', async () => {
    serveProfile();
    const { user } = await openProfile();
    await user.clear(screen.getByLabelText('Family name'));
    const location = group('Practice location 1');
    await user.clear(within(location).getByLabelText('City'));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Family name')).toHaveAccessibleDescription(
        'Error: Enter your family name.',
      ),
    );
    expect(within(location).getByLabelText('City')).toHaveAccessibleDescription(
      'Error: Enter the city.',
    );
    expect(screen.getByLabelText('Family name')).toHaveFocus();
    expect(hub.sent('PUT', '/api/doctors/d-1')).toHaveLength(0);
  });

  it("places the hub's field errors beside their fields", async () => {
    serveProfile();
    hub.on(
      'PUT',
      '/api/doctors/d-1',
      problem(400, {
        title: 'Invalid doctor profile',
        detail: 'locations[0].address.city: required',
        errors: [
          { field: 'locations[0].address.city', message: 'required' },
          {
            field: 'specialties[0]',
            message: 'replace specialty Family Medicine with a NUCC code Plan-Net lists',
          },
          { field: 'name.given[0]', message: 'at most 100 characters, was 120' },
          { field: 'endpoints[0].address', message: 'required' },
        ],
      }),
    );
    const { user } = await openProfile();
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    const city = within(group('Practice location 1')).getByLabelText('City');
    await waitFor(() => expect(city).toHaveAccessibleDescription('Error: Required.'));
    expect(screen.getByRole('combobox', { name: 'Add a specialty' })).toHaveAccessibleDescription(
      expect.stringContaining(
        'Error: Family Medicine: Replace specialty Family Medicine with a NUCC code Plan-Net lists.',
      ),
    );
    expect(screen.getByLabelText('Given names')).toHaveAccessibleDescription(
      'Error: At most 100 characters, was 120. Separate several names with spaces.',
    );
    // What has no field in the form goes in the alert.
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('locations[0].address.city: required');
    expect(within(alert).getByRole('listitem')).toHaveTextContent('endpoints.0.address: Required.');
    await expectAccessible();
  });

  it('merges a change made meanwhile (412) field by field', async () => {
    serveProfile();
    const theirs: Doctor = {
      ...profile,
      version: 4,
      name: { prefix: 'Dr', given: ['Anna'], family: 'Berger Rao' },
      telecom: [{ system: 'phone', value: '+91 80 4000 9999', use: 'work' }],
    };
    hub.once('PUT', '/api/doctors/d-1', problem(412, { title: 'Doctor changed meanwhile' }));
    hub.on('PUT', '/api/doctors/d-1', (request) =>
      json({ ...(request.body as Doctor), version: 5 }, 200, { ETag: '"5"' }),
    );
    const { user } = await openProfile();
    await user.clear(screen.getByLabelText('Family name'));
    await user.type(screen.getByLabelText('Family name'), 'Berger-Rao');
    await user.click(screen.getByRole('checkbox', { name: 'Hindi' }));
    serveProfile(theirs);
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    const heading = await screen.findByRole('heading', {
      level: 2,
      name: 'Your profile was changed meanwhile',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    const name = group('Name');
    expect(name).toHaveTextContent('You both changed this. Choose one.');
    expect(name).toHaveTextContent('Your versionDr Anna Berger-Rao');
    expect(name).toHaveTextContent('Current versionDr Anna Berger Rao');
    const contact = group('Contact details');
    expect(contact).toHaveTextContent('This was changed meanwhile; you did not change it.');
    expect(within(contact).getByLabelText('Use the current contact details')).toBeChecked();
    const languages = group('Languages');
    expect(within(languages).getByLabelText('Keep my languages')).toBeChecked();
    expect(screen.queryByRole('group', { name: 'Practice locations' })).toBeNull();
    await expectAccessible();

    // Nothing is decided for the doctor where both changed.
    await user.click(screen.getByRole('button', { name: 'Save merged profile' }));
    expect(name).toHaveTextContent('Error: Choose which version to keep.');
    expect(within(name).getByLabelText('Keep my name')).toHaveFocus();
    expect(hub.sent('PUT', '/api/doctors/d-1')).toHaveLength(1);

    await user.click(within(name).getByLabelText('Keep my name'));
    await user.click(screen.getByRole('button', { name: 'Save merged profile' }));
    expect(await screen.findByText('Your profile is saved.')).toBeVisible();
    const [, merged] = hub.sent('PUT', '/api/doctors/d-1');
    expect(merged?.headers.get('If-Match')).toBe('"4"');
    const body = merged?.body as Doctor;
    expect(body.name?.family).toBe('Berger-Rao');
    expect(body.telecom).toEqual(theirs.telecom);
    expect(body.languages).toEqual(['en', 'kn', 'hi']);
    expect(screen.getByLabelText('Family name')).toHaveValue('Berger-Rao');
  });

  it('can discard its own changes for the current profile', async () => {
    serveProfile();
    hub.on('PUT', '/api/doctors/d-1', problem(412, { title: 'Doctor changed meanwhile' }));
    const { user } = await openProfile();
    await user.clear(screen.getByLabelText('Family name'));
    await user.type(screen.getByLabelText('Family name'), 'Mine');
    serveProfile({ ...profile, version: 4, name: { family: 'Theirs' } });
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await user.click(await screen.findByRole('button', { name: 'Discard my changes' }));
    expect(await screen.findByLabelText('Family name')).toHaveValue('Theirs');
    expect(
      screen.getByText('Your changes were discarded. This is the current profile.'),
    ).toBeVisible();
  });

  it('says a 428 is a fault of the app', async () => {
    serveProfile();
    hub.on('PUT', '/api/doctors/d-1', problem(428, { title: 'If-Match required' }));
    const { user } = await openProfile();
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/fault in this app/);
  });

  it('picks specialties with the keyboard and removes them', async () => {
    serveProfile();
    const { user } = await openProfile();
    const combobox = screen.getByRole('combobox', { name: 'Add a specialty' });
    await waitFor(() => expect(combobox).toBeEnabled());
    expect(combobox).toHaveAttribute('aria-expanded', 'false');

    await user.click(combobox);
    await user.type(combobox, 'cardio');
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    const listbox = screen.getByRole('listbox', { name: 'Matching specialties' });
    const options = within(listbox).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Cardiovascular Disease 207RC0000X',
      'Interventional Cardiology 207RI0011X',
    ]);
    expect(combobox).toHaveAttribute('aria-activedescendant', options[0]?.id);
    expect(
      screen.getByText('2 specialties match. Use the arrow keys to choose.'),
    ).toBeInTheDocument();
    await expectAccessible();

    await user.keyboard('{ArrowDown}');
    expect(combobox).toHaveAttribute('aria-activedescendant', options[1]?.id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    const chips = screen.getByRole('list', { name: 'Your specialties' });
    expect(chips).toHaveTextContent('Interventional Cardiology (207RI0011X)');
    expect(combobox).toHaveValue('');
    expect(combobox).toHaveFocus();
    expect(combobox).toHaveAttribute('aria-expanded', 'false');

    // By code, and Escape closes without choosing.
    await user.type(combobox, '208D');
    expect(within(screen.getByRole('listbox')).getAllByRole('option')).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{Escape}');
    expect(combobox).toHaveValue('');

    // Chosen ones are not offered again.
    await user.type(combobox, 'family');
    expect(screen.getByText('No specialty matches. Try another word or code.')).toBeInTheDocument();
    await user.clear(combobox);

    await user.click(screen.getByRole('button', { name: 'Remove Family Medicine' }));
    expect(chips).not.toHaveTextContent('Family Medicine');
    expect(screen.getByRole('button', { name: 'Remove Interventional Cardiology' })).toHaveFocus();

    hub.on('PUT', '/api/doctors/d-1', (request) =>
      json({ ...(request.body as Doctor), version: 4 }, 200, { ETag: '"4"' }),
    );
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByText('Your profile is saved.');
    expect((hub.sent('PUT', '/api/doctors/d-1')[0]?.body as Doctor).specialties).toEqual([
      { system: NUCC, code: '207RI0011X', display: 'Interventional Cardiology' },
    ]);
    expect(hub.sent('GET', '/api/code-lists/specialties')).toHaveLength(1);
  });

  it('is for doctors only', async () => {
    renderApp('/profile', operator);
    await screen.findByRole('heading', { level: 1, name: 'Your profile' });
    expect(screen.getByText('Profiles and onboarding are for doctor accounts.')).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Profile' })).toBeNull();
  });
});
