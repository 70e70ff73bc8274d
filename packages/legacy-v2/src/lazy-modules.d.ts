// The password libraries are loaded lazily and typed where they are used (password.ts).
declare module 'node-forge';
declare module 'sm-crypto';
