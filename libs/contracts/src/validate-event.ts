import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { cloudEventEnvelopeSchema } from './cloud-event.schema';
import { EventCatalogue, EventType, isEventType } from './event-catalogue';

export interface EventValidationError {
  /** JSON pointer into the event, e.g. `/data/specification`. */
  path: string;
  message: string;
}

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv, ['date-time', 'date', 'uuid', 'uri-reference']);

let envelopeValidator: ValidateFunction | undefined;
const dataValidators = new Map<EventType, ValidateFunction>();

function envelope(): ValidateFunction {
  envelopeValidator ??= ajv.compile(cloudEventEnvelopeSchema);
  return envelopeValidator;
}

function dataValidator(type: EventType): ValidateFunction {
  let validate = dataValidators.get(type);
  if (!validate) {
    validate = ajv.compile(EventCatalogue[type].dataSchema);
    dataValidators.set(type, validate);
  }
  return validate;
}

function describe(errors: ErrorObject[] | null | undefined, prefix: string): EventValidationError[] {
  return (errors ?? []).map((e) => {
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'enum') message += `: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    if (e.keyword === 'const') message += `: ${String((e.params as { allowedValue: unknown }).allowedValue)}`;
    return { path: `${prefix}${e.instancePath}` || '/', message };
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every reason the event breaks its contract: the CloudEvents envelope, a known type, the JSON
 * Schema of its data, and the subject being the aggregate id the type is keyed by. Empty = valid.
 */
export function validateEvent(event: unknown): EventValidationError[] {
  const validate = envelope();
  const errors = validate(event) ? [] : describe(validate.errors, '');
  if (!isRecord(event)) return errors.length ? errors : [{ path: '/', message: 'must be an object' }];
  const type = event.type;
  if (typeof type !== 'string') return errors;
  if (!isEventType(type)) {
    errors.push({ path: '/type', message: `unknown event type "${type}"` });
    return errors;
  }
  if (!isRecord(event.data)) return errors;
  const validateData = dataValidator(type);
  if (!validateData(event.data)) errors.push(...describe(validateData.errors, '/data'));
  const keyField = EventCatalogue[type].keyField;
  const key = event.data[keyField];
  if (typeof key === 'string' && typeof event.subject === 'string' && key !== event.subject) {
    errors.push({ path: '/subject', message: `must equal data.${keyField} (${key}), the aggregate id the topic is keyed by` });
  }
  return errors;
}

/** One line for logs and the dead-letter header. */
export function formatValidationErrors(errors: readonly EventValidationError[]): string {
  return errors.map((e) => `${e.path} ${e.message}`).join('; ');
}
