/** The built-in probation and criminal-justice glossary: canonical terms, expansions and our own plain-English definitions. */
import type { GlossaryEntry, GlossarySense } from './types';

type Extra = Omit<GlossaryEntry, 'term' | 'expansion' | 'definition'>;

function term(term: string, expansion: string, definition: string, extra: Extra = {}): GlossaryEntry {
  return { term, expansion, definition, ...extra };
}

/** An ambiguous term: the first sense is the default shown when no context word decides. */
function ambiguous(term: string, senses: [GlossarySense, ...GlossarySense[]], extra: Extra = {}): GlossaryEntry {
  const [first] = senses;
  return { term, expansion: first.expansion, definition: first.definition, senses, ...extra };
}

function sense(expansion: string, definition: string, context: string[]): GlossarySense {
  return { expansion, definition, context };
}

/** Context words shared by several probation senses. */
const PROBATION_WORDS = ['probation', 'offender', 'offenders', 'caseload', 'caseloads', 'supervision', 'licence', 'breach', 'court', 'nps', 'crc', 'spo', 'hmpps', 'napo'];

export const BUILT_IN_TERMS: readonly GlossaryEntry[] = [
  // Organisations and structures
  term('HMPPS', "His (formerly Her) Majesty's Prison and Probation Service", 'The executive agency of the Ministry of Justice that runs prisons and the Probation Service in England and Wales. It replaced NOMS in 2017.', { forms: ['HMPpS'], lowercaseSafe: true }),
  term('NOMS', 'National Offender Management Service', 'The agency that ran prisons and probation in England and Wales from 2004 until it was renamed HMPPS in 2017.'),
  term('MoJ', 'Ministry of Justice', 'The UK government department responsible for courts, prisons, probation and sentencing policy in England and Wales.', { lowercaseSafe: true }),
  term('NPS', 'National Probation Service', 'The public-sector probation service created in 2014 to supervise high-risk offenders and advise courts; it took back all probation work in June 2021 and became the Probation Service.', { lowercaseSafe: true }),
  term('CRC', 'Community Rehabilitation Company', 'One of the 21 mostly private companies that supervised low- and medium-risk offenders from 2014 until their contracts ended in June 2021.', { lowercaseSafe: true }),
  term('DTV', 'Durham Tees Valley (CRC)', 'The Community Rehabilitation Company that covered County Durham and Teesside until 2021.'),
  term('HMCTS', "His (formerly Her) Majesty's Courts and Tribunals Service", 'The agency that runs the criminal, civil and family courts and tribunals in England and Wales.', { lowercaseSafe: true }),
  term('CPS', 'Crown Prosecution Service', 'The independent service that decides whether to charge people and prosecutes criminal cases in England and Wales.'),
  term('HMP', "His (formerly Her) Majesty's Prison", 'The prefix in the name of a public or private prison, as in HMP Durham.'),
  term('YOI', 'Young Offender Institution', 'A prison for people aged 18 to 21, sometimes with a wing for under-18s.'),
  term('HMIP', "His (formerly Her) Majesty's Inspectorate", 'The independent inspectorate; the letters are used for both the probation and the prisons inspectorate.', {
    senses: [
      sense("HM Inspectorate of Probation", 'The independent body that inspects probation services and youth offending work in England and Wales and publishes ratings.', ['probation', 'pdu', 'pdus', 'crc', 'crcs', 'nps', 'sfo', 'practitioner', 'practitioners', 'supervision', 'caseload']),
      sense("HM Inspectorate of Prisons", 'The independent body that inspects prisons, young offender institutions and immigration detention in England and Wales.', ['prison', 'prisons', 'prisoner', 'prisoners', 'hmp', 'jail', 'cells', 'cell', 'governor', 'landings', 'wing']),
    ],
  }),
  term('HMI', "His (formerly Her) Majesty's Inspector or Inspectorate", 'Short for an inspectorate, or its Chief Inspector, such as HMI Probation or HMI Prisons.'),
  term('HM', "His (formerly Her) Majesty's", 'The prefix of crown bodies such as HM Prison and Probation Service or HM Inspectorate of Probation.'),
  term('PPO', 'Prisons and Probation Ombudsman', 'The independent office that investigates complaints from people in prison or on probation and deaths in custody or under supervision.'),
  term('IMB', 'Independent Monitoring Board', 'A board of unpaid volunteers who watch over conditions and treatment in each prison.'),
  term('NAO', 'National Audit Office', "The body that audits government spending for Parliament; it reported on the costs and failures of the probation reforms."),
  term('PAC', 'Public Accounts Committee', 'The House of Commons committee that examines value for money in government spending.'),
  term('JSC', 'Justice Select Committee', 'The House of Commons committee that scrutinises the Ministry of Justice, including prisons and probation.'),
  term('YOT', 'Youth Offending Team', 'A local multi-agency team that supervises children aged 10 to 17 who offend.'),
  term('YOS', 'Youth Offending Service', 'Another name for a local youth offending team.'),
  term('YJB', 'Youth Justice Board', 'The public body that oversees the youth justice system in England and Wales.'),
  term('CJS', 'Criminal Justice System', 'Police, prosecution, courts, prisons and probation taken together.'),
  term('NCA', 'National Crime Agency', 'The UK law-enforcement agency that deals with serious and organised crime.'),
  term('DBS', 'Disclosure and Barring Service', 'The body that issues criminal-record certificates and keeps the lists of people barred from working with children or vulnerable adults.'),
  term('CRB', 'Criminal Records Bureau', 'The body that issued criminal-record checks before it merged into the DBS in 2012.'),
  term('PCC', 'Police and Crime Commissioner', 'An elected official who sets the police budget and priorities for a police force area.'),
  term('PCSO', 'Police Community Support Officer', 'A uniformed police staff member with fewer powers than a police officer, working on neighbourhood patrols.'),
  term('PPU', 'Public Protection Unit', 'A police unit that manages sexual and violent offenders in the community, often alongside probation under MAPPA.'),
  term('MOSOVO', 'Management of Sexual or Violent Offenders (police)', 'The police officers who monitor registered sex offenders and some violent offenders in the community.'),
  term('DWP', 'Department for Work and Pensions', 'The government department for benefits, pensions and job centres.'),
  term('NHS', 'National Health Service', "The UK's publicly funded health service."),
  term('ONS', 'Office for National Statistics', "The UK's official statistics body."),
  term('G4S', 'G4S (security company)', 'A private security company that has run prisons, immigration removal centres and electronic tagging contracts.'),
  term('SSCL', 'Shared Services Connected Ltd', 'The company that provides payroll, pensions, expenses and other back-office services to civil service departments, including HMPPS.'),
  term('HQ', 'Headquarters', 'The central offices of an organisation, as opposed to the front line.'),
  term('PRP', 'Probation Reform Programme', 'The HMPPS programme that brought the CRCs back into the public Probation Service in 2021 and designed the new model.'),
  term('EIP', 'Effective Interventions Panel', 'An HMPPS panel of experts that reviewed which interventions and toolkits could be used in the unified Probation Service.'),
  term('CSAAP', 'Correctional Services Advice and Accreditation Panel', 'The expert panel that accredits offending-behaviour programmes as likely to reduce reoffending.'),
  term('PLG', 'Meaning unknown', 'Named on the blog as one of the forums in the probation reform consultation; we do not know what the letters stand for.'),
  term('TOM', 'Target Operating Model', 'The blueprint describing how the unified Probation Service would be organised and deliver its work after 2021.', { englishWord: true }),
  term('E3', 'E3 (NPS operating model)', 'The 2016 National Probation Service programme that standardised structures and roles across regions; the full wording of the name is not given on the blog.'),
  term('PDU', 'Probation Delivery Unit', 'The local team of the Probation Service, usually covering one or two council areas; it replaced the LDU.', { lowercaseSafe: true }),
  term('LDU', 'Local Delivery Unit', 'The local probation team under the old structure, before Probation Delivery Units.'),
  term('OMU', 'Offender Management Unit', 'The department in a prison that plans sentences, risk and release for prisoners.'),
  term('DSOU', 'Divisional Sexual Offending Unit', 'A specialist probation team that runs programmes and gives advice on work with men convicted of sexual offences.'),
  term('IOM', 'Integrated Offender Management', 'A police, probation and partner scheme that targets the people who commit the most crime in an area with joint supervision.'),
  term('OPD', 'Offender Personality Disorder (pathway)', 'A joint NHS and HMPPS programme of psychological services for high-risk offenders likely to have a personality disorder.'),
  term('MASH', 'Multi-Agency Safeguarding Hub', 'A local team where police, social care, health and others share information about children or adults at risk.', { englishWord: true }),
  term('AGM', 'Annual General Meeting', 'The yearly meeting of an organisation\'s members, such as the Napo AGM where union motions are debated.'),
  term('QANGO', 'Quasi-autonomous non-governmental organisation', 'A publicly funded body that works at arm\'s length from a government department.'),

  // Unions, pay and employment
  term('Napo', 'Napo (the probation union)', 'The trade union and professional association for probation and family court staff; originally the National Association of Probation Officers.', { lowercaseSafe: true }),
  term('UNISON', 'UNISON (public service union)', 'A large public-sector trade union that also represents some probation staff.', { englishWord: true }),
  term('GMB', 'GMB (general union)', 'A general trade union that represents some probation and CRC staff.'),
  term('PCS', 'Public and Commercial Services Union', 'The main trade union for civil servants.'),
  term('POA', "Prison Officers' Association", 'The trade union for prison officers and other prison staff.'),
  term('TUC', 'Trades Union Congress', 'The federation of most trade unions in England and Wales.'),
  term('NEC', 'National Executive Committee', 'The elected committee that runs a union, such as Napo, between its general meetings.'),
  term('NNC', 'National Negotiating Council', 'The body where probation unions and employers negotiated pay and conditions.'),
  term('JNC', 'Joint Negotiating Committee', 'A committee where employers and unions negotiate pay and terms, for example for senior probation managers.'),
  term('JES', 'Job Evaluation Scheme', 'The process that scores a job description to decide which pay band it belongs in.'),
  term('TUPE', 'Transfer of Undertakings (Protection of Employment) Regulations', 'The rules that move staff to a new employer on their existing terms when a service changes hands, as when CRC staff moved back to the Probation Service.'),
  term('VR', 'Voluntary redundancy', 'A redundancy scheme in which staff choose to leave in return for a payment.'),
  term('VER', 'Voluntary early retirement', 'A scheme letting older staff retire early with their pension, usually during staff cuts.'),
  term('AVC', 'Additional Voluntary Contributions', 'Extra payments a member makes into a pension scheme on top of the normal contributions.'),
  term('HR', 'Human resources', "The part of an organisation that handles recruitment, staff records, pay and employment issues."),
  term('CEO', 'Chief executive officer', 'The most senior manager of a company or organisation.'),
  term('NVQ', 'National Vocational Qualification', 'A work-based qualification assessed on the job; PSOs used to take one in probation practice.'),
  term('WMT', 'Workload Management Tool', 'The probation system that turns a practitioner\'s cases into hours and a percentage of capacity.'),
  term('SLA', 'Service level agreement', 'A written agreement setting the level of service one organisation provides to another.'),
  term('KPI', 'Key performance indicator', 'A measure, with a target, that managers use to judge performance, such as the share of reports done on time.'),
  term('QA', 'Quality assurance', 'Checking work, such as reports or case records, against a standard.'),
  term('VLO', 'Victim Liaison Officer', 'A probation worker who keeps victims of serious crimes informed about the offender\'s sentence and release and passes on their concerns.'),
  term('DASA', 'Domestic abuse support worker (as the blog expands it)', 'A role supporting work with domestic abuse cases, including contact with partners; the blog expands the letters as Domestic Abuse Support Workers.'),
  term('DASO', 'Domestic Abuse Safety Officer', 'A probation role that contacts the partners and ex-partners of men on domestic abuse programmes to support their safety.', { forms: ['DASOS'] }),

  // Job roles and grades
  ambiguous('PO', [
    sense('Probation Officer', 'A qualified probation practitioner who writes court reports and supervises people on licence or community sentences, including higher-risk cases.', PROBATION_WORDS.concat(['officer', 'officers', 'pso', 'psos', 'qualified', 'grade', 'case', 'cases', 'client', 'clients'])),
    sense('Post Office', 'The Post Office, the UK postal counter network (and its Horizon computer scandal).', ['post', 'office', 'horizon', 'postmaster', 'postmasters', 'subpostmasters', 'parcel', 'stamps', 'letter']),
  ], { lowercaseSafe: true }),
  ambiguous('PSO', [
    sense('Probation Services Officer', 'A probation practitioner without the full professional qualification who supervises lower-risk cases and does court and other work.', PROBATION_WORDS.concat(['po', 'pos', 'officer', 'band', 'qualified', 'grade', 'pqip'])),
    sense('Prison Service Order', 'A formal instruction to prisons from the prison service, replaced over time by Prison Service Instructions and policy frameworks.', ['prison', 'prisons', 'governor', 'psi', 'instruction', 'instructions', 'order', 'orders']),
  ], { lowercaseSafe: true }),
  term('SPO', 'Senior Probation Officer', 'A first-line manager of a probation team, responsible for its practitioners and their cases.', { lowercaseSafe: true }),
  term('ACO', 'Assistant Chief Officer', 'A senior probation manager below the chief officer, usually in charge of an area or function.', { lowercaseSafe: true }),
  term('CPO', 'Chief Probation Officer', 'The professional head of the Probation Service; before 2014 also the head of each local probation trust.'),
  term('PQiP', 'Professional Qualification in Probation', 'The training route, combining university study and work, that trainees follow to qualify as probation officers.', { lowercaseSafe: true }),
  term('NQO', 'Newly qualified officer', 'A probation officer in the first year after qualifying, with a protected caseload and extra support.'),
  term('OM', 'Offender manager', 'The probation practitioner responsible for a person\'s sentence; also the name for that work (offender management). Now often called probation practitioner.'),
  term('POM', 'Prison Offender Manager', 'The prison-based practitioner who manages a prisoner\'s sentence under OMiC.'),
  term('COM', 'Community Offender Manager', 'The probation practitioner in the community who takes over a prisoner\'s case before release under OMiC.'),
  term('OMiC', 'Offender Management in Custody', 'The model in which prison offender managers handle the custodial part of a sentence and hand over to community offender managers before release.'),
  ambiguous('TM', [
    sense('Treatment manager', 'The practitioner who supervises programme facilitators and oversees the quality of an accredited programme.', ['programme', 'programmes', 'facilitator', 'facilitators', 'interventions', 'treatment', 'group']),
    sense('Meaning unknown', 'Outside programmes work we do not know what TM means on this blog.', []),
  ]),
  term('AED', 'Area Executive Director', 'A senior HMPPS role created under the Area Model to manage both regional probation directors and prison group directors.'),
  term('RPD', 'Regional Probation Director', 'The senior manager in charge of the Probation Service in one region of England or in Wales.'),
  term('PGD', 'Prison Group Director', 'The senior manager in charge of a group of prisons.'),
  ambiguous('DD', [
    sense('Deputy Director', 'A senior civil service grade; in HMPPS, directors at this level run large functions or areas.', ['level', 'director', 'directors', 'senior', 'management', 'grade', 'managers', 'hq']),
    sense('Direct debit', 'A regular payment taken straight from a bank account.', ['bank', 'payment', 'payments', 'monthly', 'subscription', 'account', 'pay']),
  ]),
  ambiguous('GS', [
    sense('General Secretary', 'The elected head of a trade union, such as the General Secretary of Napo.', ['napo', 'union', 'unions', 'general', 'secretary', 'agm', 'members', 'media', 'officials', 'nec']),
    sense('Meaning unknown', 'Outside union talk we do not know what GS means on this blog.', []),
  ]),
  ambiguous('PM', [
    sense('Prime Minister', 'The head of the UK government.', ['government', 'minister', 'boris', 'johnson', 'downing', 'tory', 'tories', 'cabinet', 'parliament', 'uk', 'police', 'penal']),
    sense('Programme manager', 'The manager of an accredited programmes team.', ['programme', 'programmes', 'facilitator', 'facilitators', 'tms', 'tm', 'interventions', 'treatment']),
  ], { notAfterNumber: true }),
  term('MP', 'Member of Parliament', 'An elected member of the House of Commons.'),
  term('HofA', 'Head of Area (probably)', 'Probably the manager in charge of a local probation area; the blog does not spell the letters out.'),

  // People on probation
  term('PoP', 'Person on probation', 'The Probation Service\'s current term for someone it supervises.', { englishWord: true }),

  // Sentences, orders and licences
  ambiguous('CO', [
    sense('Community order', 'A sentence served in the community with one or more requirements, such as unpaid work or a rehabilitation activity requirement.', PROBATION_WORDS.concat(['order', 'sentence', 'sentenced', 'requirement', 'requirements', 'upw', 'rar', 'magistrates'])),
    sense('Cabinet Office', 'The government department that supports the Prime Minister and Cabinet and sets civil service rules.', ['cabinet', 'office', 'minister', 'civil', 'service', 'whitehall', 'government']),
  ]),
  term('SSO', 'Suspended sentence order', 'A prison sentence of up to two years that is not served unless the person offends again or breaks its requirements.'),
  term('SDS', 'Standard determinate sentence', 'A fixed-length prison sentence in which the person is released on licence part-way through, usually at the half-way point.'),
  term('EDS', 'Extended determinate sentence', 'A sentence for dangerous offenders with a custodial term followed by an extra period on licence; release before the end of the custodial term is decided by the Parole Board.'),
  term('SOPC', 'Sentence for offenders of particular concern', 'A sentence for certain terrorist and child sex offences that adds a fixed year on licence after the custodial term.'),
  term('IPP', 'Imprisonment for public protection', 'An indeterminate sentence, abolished in 2012, under which people stay in prison until the Parole Board agrees to release them; many are still held or recalled.'),
  term('DTO', 'Detention and training order', 'A custodial sentence for children, half in custody and half under supervision in the community.'),
  term('DTTO', 'Drug treatment and testing order', 'An older community sentence requiring drug treatment and regular testing, replaced by the drug rehabilitation requirement.'),
  term('PSS', 'Post-sentence supervision', 'A further period of supervision after a short prison licence ends, added by the 2014 reforms so that the total reaches 12 months.'),
  term('HDC', 'Home detention curfew', 'Early release from prison for eligible prisoners, who must stay at home during set hours wearing an electronic tag.'),
  term('ECSL', 'End of Custody Supervised Licence', 'An emergency scheme that releases some prisoners shortly before their release date to free prison places.'),
  term('ECL', 'End of Custody Licence', 'An earlier early-release scheme (2007 to 2010) that let prisoners out up to 18 days early to ease overcrowding.'),
  term('ROTL', 'Release on temporary licence', 'Permission for a prisoner to leave prison for a short time, for work, resettlement or family reasons.'),
  term('UPW', 'Unpaid work', 'A requirement to do a set number of hours of supervised work for the community; also called Community Payback.', { lowercaseSafe: true }),
  term('RAR', 'Rehabilitation activity requirement', 'A requirement of a community or suspended sentence giving the probation practitioner a number of days for rehabilitative work with the person.', { lowercaseSafe: true }),
  term('ATR', 'Alcohol treatment requirement', 'A requirement of a community or suspended sentence to have treatment for alcohol dependency.'),
  term('DRR', 'Drug rehabilitation requirement', 'A requirement of a community or suspended sentence to have drug treatment and regular testing.'),
  term('MHTR', 'Mental health treatment requirement', 'A requirement of a community or suspended sentence to have mental health treatment.'),
  term('AAMR', 'Alcohol abstinence monitoring requirement', 'A requirement to stay off alcohol for a set time, checked by a tag that detects alcohol through the skin.'),
  term('EM', 'Electronic monitoring', 'Tagging: a device worn on the ankle that checks a curfew or tracks location.'),
  term('GPS', 'Global Positioning System', 'Satellite location tracking; GPS tags record where a person on licence goes.'),
  term('SHPO', 'Sexual harm prevention order', 'A court order that restricts what a person convicted of a sexual offence may do, to protect the public.'),
  term('SOPO', 'Sexual offences prevention order', 'The earlier version of the sexual harm prevention order, replaced in 2015.'),
  term('SRO', 'Sexual risk order', 'A court order restricting someone thought to pose a risk of sexual harm, even without a conviction.'),
  term('CBO', 'Criminal behaviour order', 'A court order, added to a sentence, that bans or requires certain behaviour to stop anti-social conduct.'),
  term('ASBO', 'Anti-social behaviour order', 'A civil order banning specific anti-social behaviour, replaced in 2014 by injunctions and criminal behaviour orders.'),
  term('ASB', 'Anti-social behaviour', 'Conduct that causes harassment, alarm or distress to others.'),
  term('DVPO', 'Domestic violence protection order', 'A short civil order keeping a suspected abuser away from the victim\'s home for up to 28 days.'),
  term('FTA', 'Failure to attend', 'Missing a probation or unpaid work appointment without an acceptable reason, which can lead to a warning or breach.'),

  // Reports, risk and assessment
  term('PSR', 'Pre-sentence report', 'A report by probation to the court about the offence, the person and their risks, proposing a sentence.', { lowercaseSafe: true }),
  term('FDR', 'Fast delivery report', 'A short pre-sentence report prepared quickly, often on the day of the hearing.'),
  term('SFO', 'Serious further offence', 'A very serious offence, such as murder or rape, committed by someone under probation supervision; it triggers a formal review of how the case was managed.', { lowercaseSafe: true }),
  term('OASys', 'Offender Assessment System', 'The national tool and form practitioners use to assess needs and risks and to plan a sentence.', { lowercaseSafe: true }),
  term('RoSH', 'Risk of serious harm', 'The assessed risk that a person will cause harm that is life-threatening or traumatic and hard to recover from; rated low, medium, high or very high.'),
  term('OGRS', 'Offender Group Reconviction Scale', 'A statistical score predicting how likely someone is to be reconvicted, based on age, sex and criminal history.', { lowercaseSafe: true }),
  term('RSR', 'Risk of Serious Recidivism', 'A score predicting how likely someone is to commit a seriously harmful offence; it helps decide the level of supervision.'),
  term('OGP', 'OASys General reoffending Predictor', 'An OASys score predicting non-violent reoffending from static and dynamic factors.'),
  term('OVP', 'OASys Violence Predictor', 'An OASys score predicting violent reoffending.'),
  term('OSP', 'OASys Sexual reoffending Predictor', 'A score predicting sexual reoffending for people convicted of sexual offences.'),
  term('RM2000', 'Risk Matrix 2000', 'An older actuarial tool for predicting sexual and violent reoffending by people convicted of sexual offences.'),
  term('ARMS', 'Active Risk Management System', 'A structured assessment used by police and probation to manage people convicted of sexual offences.', { englishWord: true }),
  term('SARA', 'Spousal Assault Risk Assessment', 'A structured tool for judging the risk of further domestic abuse.'),
  term('DASH', 'Domestic Abuse, Stalking and Harassment (risk checklist)', 'A risk checklist used by police and others to spot high-risk domestic abuse cases for referral to MARAC.', { englishWord: true }),
  term('RMP', 'Risk management plan', 'The part of a sentence plan that sets out how a person\'s risk of harm will be managed and by whom.'),
  ambiguous('ISP', [
    sense('Initial sentence plan', 'The first plan of work with a person at the start of their sentence, due within set time limits.', PROBATION_WORDS.concat(['plan', 'sentence', 'breaches', 'appointments', 'due', 'oasys', 'enforcement', 'unallocated'])),
    sense('Internet service provider', 'A company that provides internet access.', ['internet', 'broadband', 'provider', 'providers', 'online', 'website', 'web']),
  ]),
  term('PAROM', 'Parole assessment report by the offender manager (PAROM 1)', 'The report the probation practitioner writes for the Parole Board on a prisoner\'s risk and release plan.'),
  term('RCAT', 'Meaning unknown (a case audit)', 'Named on the blog as a case audit done a few times a year on a case picked at random; we do not know what the letters stand for.'),
  term('SAQUA', 'Meaning unknown (a case audit)', 'Named on the blog as a quality check of a case chosen by the practitioner, discussed one to one with a manager; we do not know what the letters stand for.'),
  term('PNC', 'Police National Computer', 'The national police database of criminal records, wanted people and vehicles.'),
  term('ViSOR', 'Violent and Sex Offender Register', 'The shared database police, probation and prisons use to manage people who pose a risk of serious harm.'),
  term('nDelius', 'National Delius (case management system)', 'The national case record system used by probation practitioners to record contacts, appointments and enforcement.', { forms: ['NDelius', 'NDELIUS', 'Delius', 'DELIUS'] }),
  term('MAPPA', 'Multi-Agency Public Protection Arrangements', 'The joint arrangements by which police, probation and prisons manage sexual and violent offenders in the community, with other agencies helping.', { lowercaseSafe: true }),
  term('MARAC', 'Multi-Agency Risk Assessment Conference', 'A regular local meeting where agencies share information and plan to protect victims at high risk of domestic abuse.', { lowercaseSafe: true }),
  term('IDVA', 'Independent Domestic Violence Adviser', 'A specialist who supports victims at high risk of domestic abuse and represents them at MARAC.'),
  term('DV', 'Domestic violence', 'Violence or abuse between partners, ex-partners or family members; now usually called domestic abuse.'),
  term('DA', 'Domestic abuse', 'Controlling, threatening, violent or abusive behaviour between partners, ex-partners or family members.'),

  // Programmes, interventions and services
  term('ETE', 'Education, training and employment', 'Help with getting into work, study or training, a common part of a sentence plan.'),
  term('CRS', 'Commissioned Rehabilitative Services', 'Services such as accommodation, employment and women\'s support that the Probation Service buys from outside providers since 2021.'),
  ambiguous('PDP', [
    sense('Probation Delivery Partner', 'A planned private or voluntary-sector contractor that would have delivered unpaid work and accredited programmes; the plan was dropped in 2020.', ['contract', 'contracts', 'partner', 'partners', 'provider', 'providers', 'delivery', 'procurement', 'commissioning', 'bid', 'bidders', 'management', 'model']),
    sense('Personal development plan', 'A plan agreed between a member of staff and their manager setting out their learning and career goals.', ['appraisal', 'development', 'objectives', 'training', 'learning', 'career', 'review', 'personal']),
  ]),
  term('TTG', 'Through the Gate', 'Resettlement help, such as housing and money advice, given to prisoners before and just after release; CRCs ran it from 2015.'),
  term('TSP', 'Thinking Skills Programme', 'An accredited group programme that teaches problem-solving and self-control to reduce reoffending.'),
  term('BBR', 'Building Better Relationships', 'An accredited programme for men who have been violent to a partner.'),
  term('IDAP', 'Integrated Domestic Abuse Programme', 'An older accredited programme for domestic abuse perpetrators, replaced by Building Better Relationships.'),
  term('SOTP', 'Sex Offender Treatment Programme', 'A group programme for men convicted of sexual offences, withdrawn in 2017 after research found it did not reduce reoffending.'),
  term('HSP', 'Healthy Sex Programme', 'An accredited one-to-one programme for people convicted of sexual offences with problematic sexual interests.'),
  term('ASRO', 'Addressing Substance Related Offending', 'An accredited group programme for offending linked to drug or alcohol use.'),
  term('RJ', 'Restorative justice', 'Bringing victims and offenders into contact, if both agree, so the harm can be discussed and repaired.'),
  term('AP', 'Approved Premises', 'A probation-run hostel where higher-risk people live under supervision, usually after release from prison.', {
    senses: [
      sense('Approved Premises', 'A probation-run hostel where higher-risk people live under supervision, usually after release from prison.', ['hostel', 'hostels', 'placement', 'placements', 'residents', 'resident', 'referral', 'referrals', 'bed', 'beds', 'staff', 'spo', 'release', 'licence', 'curfew']),
      sense('Associated Press', 'An American news agency.', ['news', 'agency', 'reported', 'reporter', 'reporters', 'press', 'associated']),
    ],
  }),
  term('CAS3', 'Community Accommodation Service tier 3', 'Temporary housing for up to 12 weeks for people leaving prison who would otherwise be homeless.'),
  term('BASS', 'Bail Accommodation and Support Service', 'Housing with support for people granted bail or released on HDC who have nowhere suitable to live.', { englishWord: true }),
  term('PIPE', 'Psychologically Informed Planned Environment', 'A unit in a prison or approved premises with specially trained staff to support people with personality difficulties.', { englishWord: true }),
  term('SIM', 'Subscriber identity module', 'The small card that connects a mobile phone to a network; smuggled SIM cards are a problem in prisons.', {
    senses: [
      sense('Subscriber identity module', 'The small card that connects a mobile phone to a network; smuggled SIM cards are a problem in prisons.', ['card', 'cards', 'phone', 'phones', 'mobile', 'mobiles', 'smuggled', 'memory', 'chargers']),
      sense('Structured Interventions Model', 'The Probation Service model for structured interventions and toolkits delivered outside accredited programmes.', ['structured', 'interventions', 'intervention', 'model', 'toolkits', 'dsou', 'dsous', 'team']),
    ],
  }),

  // Ambiguous short forms the blog uses
  ambiguous('TR', [
    sense('Transforming Rehabilitation', 'The 2014 reforms that split probation into the NPS and 21 privately run CRCs and added supervision for short-sentence prisoners; widely judged a failure and reversed in 2021.', ['crc', 'crcs', 'nps', 'grayling', 'privatisation', 'reforms', 'reform', 'programme', 'failed', 'split', 'private', 'transforming', 'rehabilitation', 'short', 'sentence']),
    sense('Temporary release', 'In prison talk, sometimes short for temporary release from prison (usually called ROTL).', ['temporary', 'rotl', 'day', 'prisoner', 'prisoners']),
  ]),
  ambiguous('AA', [
    sense('Acceptable absence', 'A missed appointment that the practitioner accepts as having a good reason, so it does not count towards breach.', ['appointment', 'appointments', 'absence', 'absences', 'breach', 'breaches', 'enforcement', 'warning', 'warnings', 'upw', 'fta', 'attend', 'spo', 'missed']),
    sense('Alcoholics Anonymous', 'A mutual-help fellowship for people who want to stop drinking.', ['alcohol', 'alcoholic', 'alcoholics', 'drinking', 'drink', 'sober', 'recovery', 'meetings', 'anonymous']),
  ]),
  ambiguous('PS', [
    sense('Probation Service', 'The public Probation Service of England and Wales, part of HMPPS, which took back all probation work in 2021.', ['probation', 'service', 'staff', 'stress', 'across', 'unified', 'hmpps', 'nps', 'crc', 'workload', 'practitioners']),
    sense('Prison Service', 'The service that runs the public prisons of England and Wales, part of HMPPS.', ['prison', 'prisons', 'prisoners', 'officers', 'governor', 'governors', 'landings', 'jail']),
  ], { notAsLineOpener: true }),
  ambiguous('MO', [
    sense('Management oversight', 'A recorded check by a manager of how a case is being handled, entered as a contact on the case record.', ['delius', 'ndelius', 'contact', 'contacts', 'spo', 'manager', 'managers', 'oversight', 'breach', 'case', 'cases', 'recorded']),
    sense('Modus operandi', 'The way an offender typically commits their offences.', ['offence', 'offences', 'offending', 'method', 'pattern', 'crime', 'crimes', 'victims']),
  ]),
  ambiguous('CS', [
    sense('Community Service', 'The old name for unpaid work done as part of a community sentence.', ['unpaid', 'work', 'hours', 'order', 'orders', 'supervisor', 'supervisors', 'placement', 'placements', 'clients', 'upw', 'community']),
    sense('Civil Service', 'The permanent staff of central government departments, which probation staff joined in 2014.', ['civil', 'servant', 'servants', 'code', 'pension', 'grade', 'grades', 'whitehall', 'department']),
  ]),

  // General and media
  term('UK', 'United Kingdom', 'England, Scotland, Wales and Northern Ireland.'),
  term('EU', 'European Union', 'The political and economic union of European countries that the UK left in 2020.'),
  term('BBC', 'British Broadcasting Corporation', "The UK's public broadcaster."),
  term('LBC', 'LBC (London talk radio station)', 'A national talk and phone-in radio station based in London.'),
  term('TV', 'Television', 'Television.'),
  term('IT', 'Information technology', 'Computers, networks and software, and the people who support them.', { englishWord: true }),
  term('ID', 'Identity or identification', 'A person\'s identity, or the documents that prove it.'),
  term('COVID', 'Coronavirus disease 2019', 'The disease caused by the coronavirus that led to lockdowns and remote probation supervision from March 2020.', { forms: ['Covid'] }),
  term('PPE', 'Personal protective equipment', 'Masks, gloves and other kit worn to prevent infection or injury.'),
  term('FOI', 'Freedom of Information (request)', 'A request for information held by a public body, which must answer within set limits under the Freedom of Information Act.'),
  term('FOIA', 'Freedom of Information Act 2000', 'The law that gives people the right to ask public bodies for the information they hold.'),
  term('RSPCA', 'Royal Society for the Prevention of Cruelty to Animals', 'The animal welfare charity in England and Wales.'),
  term('MDMA', 'MDMA (ecstasy)', 'A stimulant drug, known as ecstasy; a Class A drug in the UK.'),
  term('LGBTQ', 'Lesbian, gay, bisexual, transgender and queer (or questioning)', 'A shorthand for people whose sexuality or gender identity is not heterosexual or not the one assigned at birth.'),
  term('BAME', 'Black, Asian and minority ethnic', 'An umbrella term for people from ethnic minority backgrounds, now often avoided.'),
];
