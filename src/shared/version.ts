/** The app's version, stored with every run and artifact (a test keeps it equal to package.json's). */
export const APP_VERSION = '0.1.0';
