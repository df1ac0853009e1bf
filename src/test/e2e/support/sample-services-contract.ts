import type { ServicesModule } from '../../../local/local-services';

// Checked by tsc alone: the sample's services module, which cannot import the local server's
// types, still meets the contract the server loads it by.
type Conforms<Module extends ServicesModule> = Module;

export type SampleServicesModule = Conforms<
  typeof import('../../../../sample-api/local/services.ts')
>;
