/** Version of the analysis code; every result carries it next to the model version so a stored
 * analysis can be traced to what produced it. Bump when rules or lexicons change output. */
export const NLP_VERSION = 'nlp-0.1.0';
