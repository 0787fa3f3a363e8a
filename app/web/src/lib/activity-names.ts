/**
 * The LTC event log's activity names as the page shows them: in Chinese on the Chinese page
 * (models/messages/ltc-activities.json). The data, the API and the XES/OCEL exports keep the English
 * names; a name of an imported log that is not an LTC activity is shown as it is.
 */
import ACTIVITIES from '../../../../models/messages/ltc-activities.json';
import type { Lang } from './types.ts';

const NAMES: Readonly<Record<string, { readonly zh: string }>> = ACTIVITIES;

/** An activity's name in the page's language. */
export function activityName(activity: string, lang: Lang): string {
  return lang === 'zh' && Object.hasOwn(NAMES, activity) ? NAMES[activity].zh : activity;
}
