// A person and a household as the 户籍台账's forms send them (households.create, persons.create), with
// plausible values for every field; tests override what they are about.
import type { HouseholdEntry, PersonEntry } from '../../shared/fields/entry-fields.ts';

/** A person; 性别 follows an 18-digit 证件号码 (its 17th digit odd → 男). */
export const personEntry = (
  over: Partial<PersonEntry> & Pick<PersonEntry, 'name' | 'id_number' | 'relation'>,
): PersonEntry => ({
  id_type: '01',
  sex:
    over.id_number && /^\d{17}/.test(over.id_number)
      ? Number(over.id_number[16]) % 2 === 1
        ? '1'
        : '2'
      : '1',
  birth_date: null,
  ethnicity: '01',
  education: '03',
  school_status: null,
  health: '01',
  labor_skill: '01',
  work_months: null,
  political_status: '13',
  medical_insurance: 1,
  serious_illness_insurance: 1,
  pension_insurance: 1,
  dibao: 0,
  tekun: 0,
  phone: null,
  ...over,
});

export const householdEntry: HouseholdEntry = {
  poverty_attribute: '1',
  household_type: '2',
  monitor_category: null,
  poverty_status: '1',
  exit_year: 2019,
  main_cause: '01',
  other_causes: '07',
  phone: '13871234567',
  address: '城关镇测试村一组',
  identification_standard: '1',
  first_identified_year: 2014,
};

/** A household of its own for tests that need one beside whatever else the ledger holds. */
export const testHousehold = (): HouseholdEntry => ({
  ...householdEntry,
  other_causes: null,
  phone: null,
  address: null,
});

/** A male 户主 with the given name and 18-digit ID. */
export const testHead = (name: string, idNumber: string): PersonEntry =>
  personEntry({ name, id_number: idNumber, relation: '01', sex: '1' });
