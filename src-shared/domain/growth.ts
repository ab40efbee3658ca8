/**
 * A child's growth against the WHO Child Growth Standards (2006): each weight and length/height
 * measured, its z-score and WHO's word for it, and the reference curves to draw behind them.
 */
import { z } from 'zod';

export const GROWTH_INDICATORS = ['weight-for-age', 'length-height-for-age', 'weight-for-length-height'] as const;
export const growthIndicatorSchema = z.enum(GROWTH_INDICATORS);
export type GrowthIndicator = z.infer<typeof growthIndicatorSchema>;

/** WHO's classifications, as codes the screen turns into words in the nurse's language. */
export const GROWTH_CLASSES = [
  'severely-underweight',
  'underweight',
  'possible-growth-problem',
  'severely-stunted',
  'stunted',
  'very-tall',
  'severely-wasted',
  'wasted',
  'possible-risk-of-overweight',
  'overweight',
  'obese',
  'normal',
] as const;
export const growthClassSchema = z.enum(GROWTH_CLASSES);
export type GrowthClass = z.infer<typeof growthClassSchema>;

/** Classes that call for action: shown as a warning, never by colour alone. */
export const GROWTH_CONCERNS: ReadonlySet<GrowthClass> = new Set([
  'severely-underweight',
  'underweight',
  'severely-stunted',
  'stunted',
  'severely-wasted',
  'wasted',
  'overweight',
  'obese',
]);

export const growthPointSchema = z.object({
  /** When measured (the Observation's effectiveDateTime). */
  at: z.string(),
  ageDays: z.number().int().min(0),
  /** Where the point sits on the chart: age in months, or length/height in cm. */
  x: z.number(),
  /** kg or cm, as measured. */
  y: z.number(),
  /** Null when WHO's table does not cover this measurement (the message says why). */
  z: z.number().nullable(),
  classification: growthClassSchema.nullable(),
  message: z.string().nullable(),
  /** The Observations the point comes from (weight, and length/height for weight-for-length). */
  observationIds: z.array(z.string()),
});
export type GrowthPoint = z.infer<typeof growthPointSchema>;

export const growthCurveSchema = z.object({
  /** -3, -2, 0, 2 or 3 */
  z: z.number(),
  /** [x, y] along the chart's axis. */
  points: z.array(z.tuple([z.number(), z.number()])),
});
export type GrowthCurve = z.infer<typeof growthCurveSchema>;

export const growthChartSchema = z.object({
  indicator: growthIndicatorSchema,
  /** The WHO table behind the curves. */
  table: z.enum(['weight-for-age', 'length-for-age', 'height-for-age', 'weight-for-length', 'weight-for-height']),
  xAxis: z.enum(['age-months', 'length-cm', 'height-cm']),
  yUnit: z.enum(['kg', 'cm']),
  xRange: z.tuple([z.number(), z.number()]),
  yRange: z.tuple([z.number(), z.number()]),
  curves: z.array(growthCurveSchema),
  points: z.array(growthPointSchema),
});
export type GrowthChart = z.infer<typeof growthChartSchema>;

export const patientGrowthSchema = z.discriminatedUnion('applies', [
  z.object({
    applies: z.literal(true),
    sex: z.enum(['female', 'male']),
    ageDays: z.number().int(),
    charts: z.array(growthChartSchema),
  }),
  z.object({
    applies: z.literal(false),
    /** Why there are no charts: no birth date, no sex recorded, or 5 years or older. */
    reason: z.enum(['no-birth-date', 'no-sex', 'over-five']),
    message: z.string(),
  }),
]);
export type PatientGrowth = z.infer<typeof patientGrowthSchema>;

/** The growth result of single measurements, for showing beside a weight or length on a visit. */
export const observationGrowthSchema = z.object({
  observationId: z.string(),
  indicator: growthIndicatorSchema,
  z: z.number(),
  classification: growthClassSchema,
});
export type ObservationGrowth = z.infer<typeof observationGrowthSchema>;

export const OBSERVATION_GROWTH_MAX = 50;
