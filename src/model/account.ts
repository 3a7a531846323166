import { z } from 'zod';
import { RoleSchema } from './study.ts';

/** Companies and the people who sign in for them. */

export const CompanySchema = z.object({ id: z.string(), name: z.string() });
export type Company = z.infer<typeof CompanySchema>;

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    /** null for administrators, who belong to no company */
    companyId: z.string().nullable(),
    companyName: z.string().nullable(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;
