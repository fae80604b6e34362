// esbuild bundles imported CSS into main.css next to main.js; the import itself yields nothing.
declare module '*.css';
