import { loadSettings, saveSettings } from './index';
import { HostSchema, type LearnedReaderSetting } from './schema';

/**
 * The readers the agent taught ("Read posts like this one"), one per host. Written by the
 * background only (the router files each under the sending frame's host); read by the content
 * script and the options page, where the agent edits or removes them.
 */
export async function saveLearnedReader(host: string, reader: LearnedReaderSetting): Promise<void> {
  const { settings } = await loadSettings();
  const key = HostSchema.parse(host);
  await saveSettings({ ...settings, learnedReaders: { ...settings.learnedReaders, [key]: reader } });
}
