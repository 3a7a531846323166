import { z } from 'zod';
import { RoleSchema, type Role } from './study.ts';

/** Organisations (companies, verification bodies, associations, institutes) and the people who sign in for them. */

/**
 * What an organisation is to the platform: enterprises make products and contribute data;
 * verification bodies verify other organisations' studies (ISO 14065 independence); industry
 * associations and institutes steward the background database.
 */
export const OrganisationKindSchema = z.enum(['enterprise', 'verification-body', 'association', 'institute']);
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

/** The organisations a role may belong to (null: to none), the rule src/admin/accounts.ts enforces. */
export const ROLE_MEMBERSHIP: Record<Role, readonly (OrganisationKind | null)[]> = {
  enterprise: ['enterprise'],
  verifier: ['verification-body'],
  steward: ['association', 'institute', null],
  admin: [null],
  public: [null, 'enterprise', 'verification-body', 'association', 'institute'],
};

export const CompanySchema = z.object({ id: z.string(), name: z.string(), kind: OrganisationKindSchema });
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
