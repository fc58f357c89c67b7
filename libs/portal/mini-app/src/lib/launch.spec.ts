import { isFreshLaunch, isMiniAppLaunch, LAUNCH_PARAMS_STORAGE_KEY, parseStartParam } from './launch';

describe('isMiniAppLaunch', () => {
  afterEach(() => {
    sessionStorage.clear();
    history.replaceState(null, '', '/');
  });

  it('says no in a browser: no launch parameters in the address or the storage', () => {
    history.replaceState(null, '', '/client?search=x#top');

    expect(isMiniAppLaunch(window)).toBe(false);
    expect(isFreshLaunch(window)).toBe(false);
    expect(isMiniAppLaunch(null)).toBe(false);
  });

  it('says yes when Telegram opened the page with its launch parameters in the address', () => {
    history.replaceState(null, '', '/#tgWebAppData=user%3D1%26hash%3Dabc&tgWebAppVersion=8.0&tgWebAppPlatform=ios');

    expect(isMiniAppLaunch(window)).toBe(true);
    expect(isFreshLaunch(window)).toBe(true);
  });

  it('says yes after a reload inside Telegram, from the parameters the SDK kept', () => {
    sessionStorage.setItem(LAUNCH_PARAMS_STORAGE_KEY, JSON.stringify('tgWebAppData=user%3D1&tgWebAppVersion=8.0'));
    history.replaceState(null, '', '/client/tickets');

    expect(isMiniAppLaunch(window)).toBe(true);
    expect(isFreshLaunch(window)).toBe(false);
  });

  it('is not fooled by a look-alike parameter, or by something else in the storage', () => {
    history.replaceState(null, '', '/client?notTgWebAppData=1');
    sessionStorage.setItem(LAUNCH_PARAMS_STORAGE_KEY, '{broken');

    expect(isMiniAppLaunch(window)).toBe(false);
  });
});

describe('parseStartParam', () => {
  it('reads a ticket by number or by id', () => {
    expect(parseStartParam('ticket-T-1042')).toEqual({ kind: 'ticketNumber', number: 'T-1042' });
    expect(parseStartParam('ticket-t-7')).toEqual({ kind: 'ticketNumber', number: 'T-7' });
    expect(parseStartParam('ticket-0B7E3F2C-9D4A-4C55-8E0F-1A2B3C4D5E6F')).toEqual({
      kind: 'ticket',
      id: '0b7e3f2c-9d4a-4c55-8e0f-1a2b3c4d5e6f',
    });
  });

  it('ignores anything else', () => {
    for (const value of [undefined, null, '', 'ticket-', 'ticket-1042', 'ticket-T-', 'invoice-T-1', 'ticket-../x']) {
      expect(parseStartParam(value)).toBeNull();
    }
  });
});
