import { Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DATA, type TemplateField } from './templateData';

const DATE_FORMAT = 'YYYY-MM-DD';

/** The input for a field's kind: an element, not a component, so that Form.Item gives it id, value and onChange. */
function fieldInput(field: TemplateField, autoFocus: boolean) {
  switch (field.kind) {
    case 'multiline':
      return <Input.TextArea autoFocus={autoFocus} autoSize={{ minRows: 1, maxRows: 4 }} />;
    case 'lines':
      return <Input.TextArea autoFocus={autoFocus} autoSize={{ minRows: 4, maxRows: 18 }} />;
    case 'date':
      return <DatePicker autoFocus={autoFocus} format={DATE_FORMAT} style={{ width: '100%' }} />;
    default:
      return <Input autoFocus={autoFocus} autoComplete="off" />;
  }
}

/** The form value of a date field is its YYYY-MM-DD text; the picker works on a Dayjs. */
const dateProps = {
  getValueProps: (value?: string) => ({ value: value ? dayjs(value, DATE_FORMAT) : null }),
  normalize: (value: Dayjs | null) => value?.format(DATE_FORMAT),
};

function TemplateFieldItem({ field, autoFocus }: { field: TemplateField; autoFocus: boolean }) {
  return (
    <Form.Item
      label={field.optional ? `${field.label}（选填）` : field.label}
      name={[DATA, field.key]}
      required={!field.optional}
      rules={field.optional ? [] : [{ required: true, whitespace: true, message: `请填写${field.label}` }]}
      extra={field.kind === 'lines' ? '每行一条' : undefined}
      {...(field.kind === 'date' ? dateProps : {})}
    >
      {fieldInput(field, autoFocus)}
    </Form.Item>
  );
}

/** One form item per field of the template, in the template's order; a list of lines takes the whole row. */
export function TemplateFields({ fields }: { fields: TemplateField[] }) {
  return (
    <Row gutter={16}>
      {fields.map((field, i) => {
        const wide = field.kind === 'lines';
        return (
          <Col key={field.key} xs={24} md={wide ? 24 : 12} xl={wide ? 24 : 8}>
            <TemplateFieldItem field={field} autoFocus={i === 0} />
          </Col>
        );
      })}
    </Row>
  );
}
