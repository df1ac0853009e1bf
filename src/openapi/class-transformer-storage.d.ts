// class-transformer keeps its @Type metadata in a module-level singleton it does not export from
// its entry point; the CommonJS build has it at this path, typed under types/.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
