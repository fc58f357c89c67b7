import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type Role, type SessionDto } from '@deskgram/api-client';
import { SESSION_STORAGE_KEY } from '../session/auth-store';
import { redirectToArea, roleGuard, signedInGuard, signedOutGuard } from './auth-guards';

@Component({ template: 'page' })
class Page {}

function signInAs(role: Role): void {
  const session: SessionDto = {
    accessToken: 'access',
    refreshToken: 'refresh',
    user: { id: `id-${role}`, email: `${role}@example.com`, displayName: role, role, clientId: null },
  };
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
}

describe('route guards', () => {
  let harness: RouterTestingHarness | undefined;

  beforeEach(() => {
    harness = undefined;
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: '', pathMatch: 'full', redirectTo: redirectToArea },
          { path: 'sign-in', canActivate: [signedOutGuard], component: Page },
          {
            path: '',
            canActivate: [signedInGuard],
            children: [
              { path: 'client', canActivate: [roleGuard('client')], component: Page },
              {
                path: 'staff',
                canActivate: [roleGuard('admin', 'agent')],
                children: [
                  { path: '', component: Page },
                  { path: 'users', canActivate: [roleGuard('admin')], component: Page },
                ],
              },
              { path: 'profile', component: Page },
            ],
          },
        ]),
      ],
    });
  });

  async function open(url: string): Promise<string> {
    harness ??= await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return TestBed.inject(Router).url;
  }

  describe('for someone not signed in', () => {
    it('sends them to sign in, with the way back', async () => {
      expect(await open('/staff/users')).toBe('/sign-in?returnUrl=%2Fstaff%2Fusers');
      expect(await open('/client')).toBe('/sign-in?returnUrl=%2Fclient');
      expect(await open('/profile')).toBe('/sign-in?returnUrl=%2Fprofile');
    });

    it('opens the sign-in page at the start page', async () => {
      expect(await open('/')).toBe('/sign-in');
    });
  });

  describe('for a client', () => {
    beforeEach(() => signInAs('client'));

    it('keeps them out of the staff area', async () => {
      expect(await open('/staff')).toBe('/client');
      expect(await open('/staff/users')).toBe('/client');
    });

    it('opens their area and their profile', async () => {
      expect(await open('/')).toBe('/client');
      expect(await open('/client')).toBe('/client');
      expect(await open('/profile')).toBe('/profile');
    });

    it('takes them off the sign-in page, to where they were headed if that is inside the portal', async () => {
      expect(await open('/sign-in')).toBe('/client');
      expect(await open('/sign-in?returnUrl=%2Fprofile')).toBe('/profile');
      expect(await open('/sign-in?returnUrl=%2F%2Fevil.example')).toBe('/client');
    });
  });

  describe('for staff', () => {
    it('keeps an agent out of the client area and out of the staff accounts', async () => {
      signInAs('agent');

      expect(await open('/')).toBe('/staff');
      expect(await open('/client')).toBe('/staff');
      expect(await open('/staff/users')).toBe('/staff');
    });

    it('lets an administrator manage the staff accounts', async () => {
      signInAs('admin');

      expect(await open('/staff/users')).toBe('/staff/users');
      expect(await open('/client')).toBe('/staff');
    });
  });
});
