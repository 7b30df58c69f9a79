/**
 * Upper-case name pools for customers. About a fifth carry Latin-1 accents (É, Ñ, Á, Ö,
 * Ç, Ø, Å, Ã...): those bytes are what make `AW_Customers.csv` unreadable as UTF-8. Every
 * character here must exist in ISO-8859-1 (and outside the 0x80–0x9F block where
 * Windows-1252 differs), which `encodeLatin1` checks when writing.
 */

// prettier-ignore
export const MALE_FIRST_NAMES: readonly string[] = [
  'JON', 'EUGENE', 'RUBEN', 'MARCO', 'LUKE', 'JORDAN', 'BLAKE', 'LEONARD', 'ADAM', 'DALTON',
  'HENRY', 'IAN', 'JAMES', 'JOHN', 'KEVIN', 'LARRY', 'MICHAEL', 'NATHAN', 'OSCAR', 'PETER',
  'RICHARD', 'SEAN', 'THOMAS', 'VICTOR', 'WILLIAM', 'ZACHARY', 'GEORGE', 'EDWARD', 'BRIAN',
  'CARL', 'DEREK', 'FRANK', 'GABRIEL', 'HUNTER', 'ISAIAH', 'JACOB', 'KYLE', 'LOGAN', 'MASON',
  'NOAH', 'LUIS', 'CARLOS', 'MIGUEL', 'DAVID', 'ALEXANDER', 'AUSTIN', 'CAMERON', 'DYLAN',
  'ANDRÉS', 'JOSÉ', 'FRANÇOIS', 'BJÖRN', 'JESÚS', 'RAÚL', 'ÁLVARO', 'RENÉ', 'JÉRÔME',
  'SØREN', 'JOÃO', 'ÁNGEL', 'NICOLÁS', 'RAMÓN', 'JÜRGEN', 'STÉPHANE', 'HÅKAN', 'EFRAÍN',
];

// prettier-ignore
export const FEMALE_FIRST_NAMES: readonly string[] = [
  'CHRISTY', 'ELIZABETH', 'MARIA', 'EMMA', 'OLIVIA', 'ISABELLA', 'SOPHIA', 'MEGAN',
  'KATHERINE', 'AMANDA', 'LAUREN', 'JESSICA', 'RACHEL', 'SARAH', 'NICOLE', 'STEPHANIE',
  'GRACE', 'HAILEY', 'ABIGAIL', 'ALEXANDRA', 'ALYSSA', 'BRIANNA', 'CAROLINE', 'DESTINY',
  'EMILY', 'FAITH', 'GABRIELLA', 'JASMINE', 'KAYLA', 'MORGAN', 'NATALIE', 'PAIGE', 'SYDNEY',
  'TAYLOR', 'VANESSA', 'ANA', 'BEATRIZ', 'DOLORES', 'BIRGITTA', 'JULIA', 'ALLISON', 'CHLOE',
  'LUCÍA', 'MÓNICA', 'INÉS', 'CÉLINE', 'HÉLÈNE', 'RENÉE', 'ZOË', 'JOSÉPHINE', 'BÉATRICE',
  'ANDRÉA', 'SOFÍA', 'ÉLODIE', 'AGNÈS', 'FRANÇOISE', 'MÄRTA', 'ROCÍO', 'ÁNGELA', 'NOËLLE',
];

// prettier-ignore
export const LAST_NAMES: readonly string[] = [
  'YANG', 'HUANG', 'ZHU', 'JOHNSON', 'RUIZ', 'ALVAREZ', 'MEHTA', 'VERHOFF', 'CARLSON',
  'SUAREZ', 'LU', 'LIU', 'SMITH', 'JONES', 'BROWN', 'WILSON', 'TAYLOR', 'ANDERSON', 'THOMAS',
  'JACKSON', 'WHITE', 'HARRIS', 'MARTIN', 'THOMPSON', 'MOORE', 'CLARK', 'LEWIS', 'LEE',
  'WALKER', 'HALL', 'ALLEN', 'YOUNG', 'KING', 'WRIGHT', 'SCOTT', 'GREEN', 'BAKER', 'ADAMS',
  'NELSON', 'HILL', 'CAMPBELL', 'MITCHELL', 'ROBERTS', 'CARTER', 'PHILLIPS', 'EVANS',
  'TURNER', 'TORRES', 'PARKER', 'COLLINS', 'EDWARDS', 'STEWART', 'FLORES', 'MORRIS',
  'NGUYEN', 'MURPHY', 'RIVERA', 'COOK', 'ROGERS', 'MORGAN', 'PETERSON', 'COOPER', 'REED',
  'BAILEY', 'BELL', 'KELLY', 'HOWARD', 'WARD', 'COX', 'RICHARDSON', 'WOOD', 'WATSON',
  'BROOKS', 'BENNETT', 'GRAY', 'JAMES', 'REYES', 'CRUZ', 'HUGHES', 'PRICE', 'MYERS', 'LONG',
  'FOSTER', 'SANDERS', 'ROSS', 'MORALES', 'POWELL', 'SULLIVAN', 'RUSSELL', 'ORTIZ',
  'JENKINS', 'PERRY', 'BUTLER', 'BARNES', 'FISHER', 'HENDERSON', 'COLEMAN', 'SIMMONS',
  'PATTERSON', 'REYNOLDS', 'HAMILTON', 'GRAHAM', 'KIM', 'CHEN', 'WANG', 'XU', 'SUN', 'ZHENG',
  'SHAN', 'NARA', 'ROBINSON', 'ROMERO', 'SHARMA', 'KUMAR', 'PATEL', 'SINGH', 'SCHMIDT',
  'MUÑOZ', 'KOVÁR', 'PÉREZ', 'GARCÍA', 'MARTÍNEZ', 'LÓPEZ', 'GONZÁLEZ', 'RODRÍGUEZ',
  'HERNÁNDEZ', 'JIMÉNEZ', 'SÁNCHEZ', 'RAMÍREZ', 'DÍAZ', 'GÓMEZ', 'FERNÁNDEZ', 'NÚÑEZ',
  'MÜLLER', 'SCHRÖDER', 'BJÖRKLUND', 'LEFÈVRE', 'BÉLANGER', 'CÔTÉ', 'GAGNÉ', 'THÉRIAULT',
  'CHÂTEAU', 'DVORÁK', 'IBÁÑEZ', 'CASTAÑEDA', 'ÅKESSON', 'JØRGENSEN',
];

/** Characters with no NFD decomposition that still need an ASCII form in e-mails. */
const ASCII_FALLBACK: Readonly<Record<string, string>> = { Ø: 'O', Æ: 'AE', ß: 'SS' };

/** `JOSÉ` → `jose`: e-mail local parts stay ASCII even when the name is not. */
export function asciiLower(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ØÆß]/g, (ch) => ASCII_FALLBACK[ch] ?? '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}
