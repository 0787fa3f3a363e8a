/** Types of web-build.js (plain JavaScript: `npm start` runs it before any TypeScript can). */
export declare const WEB_DIR: string;
/** True when dist/web is the build of the files its stamp records, as they are now. */
export declare function dashboardIsCurrent(root: string): boolean;
/** Builds the dashboard aside and moves it in as dist/web, with its stamp. */
export declare function buildDashboard(root: string): Promise<void>;
