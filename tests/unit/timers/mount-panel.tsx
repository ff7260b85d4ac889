import { render } from 'preact';
import { act } from 'preact/test-utils';
import { timersFeature } from '../../../components/features/timers/content';
import type { fakeEnv } from './fake-env';

/** Starts the timers feature on a fake env and renders its panel, as the sidebar does; `cleanup` gets its teardown. */
export async function mountTimersPanel(fake: ReturnType<typeof fakeEnv>, cleanup: Array<() => void>): Promise<HTMLElement> {
  const Panel = (await timersFeature.start(fake.env))!.Panel!;
  const host = document.createElement('div');
  document.body.append(host);
  await act(() => render(<Panel />, host));
  cleanup.push(() => {
    render(null, host);
    host.remove();
    fake.dispose();
  });
  return host;
}
