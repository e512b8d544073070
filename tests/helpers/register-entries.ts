// A household and its 户主 as the 新建户 form sends them (every field present), for tests that need one
// household of their own beside whatever else the ledger holds.
import type { RequestOf } from '../../shared/contract/index.ts';

type NewHousehold = RequestOf<'households.create'>;

export const testHousehold = (): NewHousehold['household'] => ({
  poverty_attribute: '1', household_type: '2', monitor_category: null, poverty_status: '1', exit_year: 2019,
  main_cause: '01', other_causes: null, phone: null, address: null, identification_standard: '1',
  first_identified_year: 2014,
}); // prettier-ignore

/** A male 户主 with the given name and 18-digit ID. */
export const testHead = (name: string, idNumber: string): NewHousehold['head'] => ({
  name, id_type: '01', id_number: idNumber, sex: '1', birth_date: null, relation: '01', ethnicity: '01',
  education: '03', school_status: null, health: '01', labor_skill: '01', work_months: null,
  political_status: '13', medical_insurance: 1, serious_illness_insurance: 1, pension_insurance: 1, dibao: 0,
  tekun: 0, phone: null,
}); // prettier-ignore
