/** Capitalised words that are not acronyms (shouting, names, initials): never listed as "not yet defined". */

/**
 * English words readers type in capitals for emphasis. The seeds shout WE WARNED YOU, NOTHING, BULL. SHIT.,
 * AVERAGE ... LESS THAN, OR, IF, AND, NO-ONE, CAN, GIFTED TO PRIVATE ENTERPRISE; the rest are common words
 * likely to be shouted on other pages.
 */
const SHOUTED_WORDS = `
A I AM AN AND ANY ARE AS AT BE BEEN BUT BY CAN DID DO DOES DONE FOR FROM GET GO GOT HAD HAS HAVE HE HER HIM HIS HOW
IF IN IS IT ITS JUST ME MY NO NOT NOW OF OFF OH OK ON ONE ONLY OR OUR OUT SHE SO THAN THAT THE THEIR THEM THEN THERE
THEY THIS TO TOO UP US WAS WE WERE WHAT WHEN WHO WHY WILL WITH YES YET YOU YOUR
ALL ALWAYS AVERAGE BAD BIG BULL CARE CRAP DAMN EVER EVERY FACT GIFTED GOOD HELL HUGE LESS LIE LIES LOL MORE MOST MUST
NEVER NOTHING OMG PRIVATE ENTERPRISE PUBLIC REAL REALLY RIGHT SHAME SHIT STILL STOP TRUE TRUTH VERY WARNED WRONG WTF
`;

/** People's initials and names written in capitals on the blog. */
const NAMES_AND_INITIALS = `
JB
`;

/** Words in capitals that are neither acronyms nor glossary material. Kept explicit so a test can check the seeds. */
export const NOT_ACRONYMS: ReadonlySet<string> = new Set(`${SHOUTED_WORDS} ${NAMES_AND_INITIALS}`.split(/\s+/).filter(Boolean));
