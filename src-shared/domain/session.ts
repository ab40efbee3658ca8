import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';

export const ROLES = ['nurse', 'clinical-officer', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** scrypt work grows with length; a cap stops a megabyte password from tying up the core. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export const userSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const sessionSchema = z.object({
  user: userSummarySchema,
  /** Minutes without activity after which the portal locks itself. */
  idleLockMinutes: z.number(),
});
export type Session = z.infer<typeof sessionSchema>;

export const newUserSchema = z.object({
  fullName: z.string().max(200),
  username: z.string().max(64),
  role: roleSchema,
  password: z.string().max(PASSWORD_MAX, `A password can be at most ${PASSWORD_MAX} characters.`),
});
export type NewUser = z.infer<typeof newUserSchema>;

export const appStatusSchema = z.object({
  /** No user exists yet: the first-run screen creates one. */
  setupRequired: z.boolean(),
  session: sessionSchema.nullable(),
  clinicName: z.string(),
  appVersion: z.string(),
  /** The laptop's language, so the unlock and first-run screens speak it before anyone signs in. */
  language: z.enum(LANGUAGES),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

export const settingsSchema = z.object({
  clinicName: z.string().max(120),
  idleLockMinutes: z.number().int().min(1).max(240),
  /** The language of every screen on this laptop (English, French or Swahili). */
  language: z.enum(LANGUAGES),
});
export type Settings = z.infer<typeof settingsSchema>;
