import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideSandboxForTests, settle } from '../testing/sandbox-testing';
import { MiniAppFrame } from './mini-app-frame';

const LIGHT = { bg_color: '#ffffff', header_bg_color: '#ffffff', button_color: '#2481cc', button_text_color: '#fff' };

describe(MiniAppFrame.name, () => {
  let fixture: ComponentFixture<MiniAppFrame>;
  let element: HTMLElement;
  let frame: HTMLIFrameElement;
  let posted: { eventType: string; eventData?: unknown }[];

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideSandboxForTests() });
    fixture = TestBed.createComponent(MiniAppFrame);
    fixture.componentRef.setInput('url', 'about:blank');
    fixture.componentRef.setInput('theme', LIGHT);
    fixture.componentRef.setInput('title', 'Deskgram');
    element = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    frame = element.querySelector('iframe') as HTMLIFrameElement;
    posted = [];
    jest
      .spyOn(frame.contentWindow as Window, 'postMessage')
      .mockImplementation((data: unknown) => posted.push(JSON.parse(String(data))));
  });

  /** The Mini App in the frame calls Telegram, as the SDK does from an iframe. */
  async function fromApp(eventType: string, eventData?: unknown, source: unknown = frame.contentWindow) {
    window.dispatchEvent(
      new MessageEvent('message', {
        data: JSON.stringify({ eventType, eventData }),
        origin: location.origin,
        source: source as Window,
      }),
    );
    await settle(fixture);
  }

  const button = (name: string) =>
    Array.from(element.querySelectorAll('button')).find(
      (candidate) => candidate.getAttribute('aria-label') === name || candidate.textContent?.trim() === name,
    );

  it('draws the Main button the Mini App sets up and tells it when it is pressed', async () => {
    expect(element.querySelector('.main-button')).toBeNull();
    await fromApp('web_app_setup_main_button', { is_visible: true, is_active: false, text: 'Send' });
    const main = element.querySelector<HTMLButtonElement>('.main-button');
    expect(main?.textContent?.trim()).toBe('Send');
    expect(main?.disabled).toBe(true);

    await fromApp('web_app_setup_main_button', { is_visible: true, is_active: true, text: 'Send' });
    element.querySelector<HTMLButtonElement>('.main-button')?.click();
    expect(posted).toEqual([{ eventType: 'main_button_pressed' }]);

    await fromApp('web_app_setup_main_button', { is_visible: false, is_active: true, text: 'Send' });
    expect(element.querySelector('.main-button')).toBeNull();
  });

  it('shows Back while the Mini App asks for it, and Close otherwise', async () => {
    expect(button('Close the Mini App')).toBeDefined();
    await fromApp('web_app_setup_back_button', { is_visible: true });
    button('Back')?.click();
    expect(posted).toEqual([{ eventType: 'back_button_pressed' }]);
    await fromApp('web_app_setup_back_button', { is_visible: false });
    expect(button('Back')).toBeUndefined();
  });

  it('answers the requests for the theme and the viewport, and closes when asked', async () => {
    let closed = false;
    fixture.componentInstance.closed.subscribe(() => (closed = true));
    await fromApp('web_app_request_theme');
    await fromApp('web_app_request_viewport');
    expect(posted[0]).toEqual({ eventType: 'theme_changed', eventData: { theme_params: LIGHT } });
    expect(posted[1]).toMatchObject({ eventType: 'viewport_changed', eventData: { is_expanded: true } });
    await fromApp('web_app_close');
    expect(closed).toBe(true);
  });

  it('ignores messages from anything but its own frame', async () => {
    await fromApp('web_app_setup_main_button', { is_visible: true, text: 'Pay' }, window);
    expect(element.querySelector('.main-button')).toBeNull();
  });
});
