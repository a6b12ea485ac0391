import type { Detector } from '../types';
import * as documents from './documentDetectors';
import * as files from './fileDetectors';
import * as offer from './offerDetectors';
import * as signatures from './signatureDetectors';
import * as submission from './submissionDetectors';

/** The detectors rules may name in knowledge/rules (a rule naming another one is refused at load). */
export const DETECTORS: Readonly<Record<string, Detector>> = { ...files, ...submission, ...documents, ...signatures, ...offer };
