import { AccountError } from './AccountError';
import { isRole, ROLES, type Role } from './types';

export const PASSWORD_MIN_CHARS = 12;
/** scrypt reads the whole password first: a megabyte "password" must not get that far. */
export const PASSWORD_MAX_CHARS = 256;
const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._@-]{1,63}$/;
const NAME_MAX_CHARS = 100;

/** The form a login is stored and compared in: trimmed, compatibility-normalised, lower case. */
export function normaliseLogin(login: string): string {
  return login.normalize('NFKC').trim().toLowerCase();
}

export function checkLogin(login: string): string {
  const normalised = normaliseLogin(login);
  if (!LOGIN_PATTERN.test(normalised)) {
    throw new AccountError('LOGIN_INVALID', `Identifiant invalide « ${login.slice(0, 80)} » : de 2 à 64 caractères, lettres sans accent, chiffres et . _ @ - (par exemple prenom.nom ou une adresse électronique).`);
  }
  return normalised;
}

/** Counted in characters (code points), not bytes: « éé » is two. */
export function checkPassword(password: string): string {
  const length = [...password].length;
  if (length < PASSWORD_MIN_CHARS) {
    throw new AccountError('PASSWORD_INVALID', `Mot de passe trop court : ${PASSWORD_MIN_CHARS} caractères au moins (${length} reçu${length > 1 ? 's' : ''}). Une phrase de plusieurs mots se retient mieux.`);
  }
  if (length > PASSWORD_MAX_CHARS) throw new AccountError('PASSWORD_INVALID', `Mot de passe trop long : ${PASSWORD_MAX_CHARS} caractères au plus.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(password)) throw new AccountError('PASSWORD_INVALID', 'Mot de passe refusé : il contient un caractère de contrôle (tabulation, retour chariot…).');
  return password;
}

export function checkRole(role: string | undefined): Role {
  if (!isRole(role)) {
    const shown = String(role ?? '').slice(0, 40);
    throw new AccountError(
      'ROLE_INVALID',
      `Rôle inconnu « ${shown} » : ${ROLES[0]} (membre acheteur du club) ou ${ROLES[1]} (personnel de la CCI).`,
      `Rôle inconnu « ${shown} » : choisissez « Acheteur du club » ou « Personnel de la CCI » dans la liste « Rôle ».`,
    );
  }
  return role;
}

export function checkName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const trimmed = name.normalize('NFC').trim();
  // eslint-disable-next-line no-control-regex
  if (!trimmed || [...trimmed].length > NAME_MAX_CHARS || /[\u0000-\u001f\u007f<>]/.test(trimmed)) {
    throw new AccountError('NAME_INVALID', `Nom invalide : de 1 à ${NAME_MAX_CHARS} caractères, sans caractère de contrôle ni < >.`);
  }
  return trimmed;
}
