// esbuild bundles CSS imported from a module into the app's one stylesheet.
declare module '*.css';
