// What pages share of server/denunciations: the journey definition (pure data).
export { DENUNCIATION_JOURNEY, DENUNCIATION_PATH, type DenunciationStep } from "./journey";
