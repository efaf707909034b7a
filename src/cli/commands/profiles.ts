/**
 * @fileoverview `k2audit profiles [name]`: list profiles and features, or one profile's requirements with seed rows.
 */
import { describeProfile, describeProfiles } from '../../requirements/describe.js';
import { requirementSetFrom, type RequirementArgs } from '../options.js';
import type { CommandIO } from './compare.js';

export async function runProfiles(args: RequirementArgs & { readonly name?: string | undefined }, io: CommandIO): Promise<number> {
  if (args.name === undefined) {
    io.stdout(describeProfiles());
    return 0;
  }
  io.stdout(describeProfile(await requirementSetFrom({ ...args, profile: args.name })));
  return 0;
}
