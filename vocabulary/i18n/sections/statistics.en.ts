import type { Translation } from "../types";
import type statistics from "./statistics.vi";

const en: Translation<typeof statistics> = {
  title: "Case and satisfaction statistics",
  lead: "By office and procedure, over the period chosen: cases received, cases closed (on time or late against their statutory deadlines) and the citizens' satisfaction answers. Heads of office see the offices they are responsible for; administrators see all.",
  period: "Period",
  from: "From",
  to: "To",
  dateHint: "Day/month/year, for example 01/12/2026. Empty: from the first of this month to today.",
  apply: "Show statistics",
  showing: "From {{from}} to {{to}}",
  download: "Download the table (CSV file)",
  empty: "No cases and no answers in this period.",
  tableLabel: "Statistics by office and procedure",
  total: "Total",
  notes: {
    filed: "Received: cases received in the period. Closed: cases finished in the period.",
    onTime: "On time, late: of the closed cases with a statutory deadline, those that met every deadline, and those that missed at least one.",
    answers: "Satisfaction: answers given in the period, the mean score from 1 (very dissatisfied) to 5 (very satisfied), and the number of answers at each score.",
  },
  columns: {
    officeCode: "Office code",
    office: "Office",
    procedure: "Procedure",
    filed: "Received",
    closed: "Closed",
    onTime: "On time",
    late: "Late",
    answers: "Answers",
    average: "Mean score",
    score1: "Very dissatisfied (1)",
    score2: "Dissatisfied (2)",
    score3: "Neither (3)",
    score4: "Satisfied (4)",
    score5: "Very satisfied (5)",
  },
  errors: {
    dateInvalid: "That is not a date. Enter it as day/month/year, for example 01/12/2026.",
    rangeInvalid: "The start date must be on or before the end date.",
    rangeTooLong: "The period can be at most 10 years.",
  },
};

export default en;
